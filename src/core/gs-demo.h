/* gs-demo.h — a fictional example organisation, so that a new user sees every chart at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-assessment.h"
#include "gs-instrument.h"

G_BEGIN_DECLS

GPtrArray *gs_demo_build_assessments (GsInstrument *instrument);

G_END_DECLS
