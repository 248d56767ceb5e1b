#pragma once

#include <QtGlobal>

// How many items an evaluation needs to tell a difference from noise (the normal approximation of
// a two-sided paired test, Miller §5): n = ((z₁₋α/₂ + z_power) · σ / δ)², rounded up.
class SamplePlanner
{
public:
    // `sd` is the standard deviation of the per-item differences (or of the scores, for one run
    // against a fixed threshold); `effect` the difference worth finding. Both > 0.
    static qint64 itemsNeeded(double sd, double effect, double alpha = 0.05, double power = 0.8);
    // The difference `items` items can find.
    static double detectableEffect(double sd, qint64 items, double alpha = 0.05, double power = 0.8);
};
