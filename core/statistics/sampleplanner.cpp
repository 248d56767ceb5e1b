#include "core/statistics/sampleplanner.h"

#include "core/statistics/distributions.h"

#include <cmath>

namespace {

double zSum(double alpha, double power)
{
    return Distributions::normalQuantile(1 - alpha / 2) + Distributions::normalQuantile(power);
}

} // namespace

qint64 SamplePlanner::itemsNeeded(double sd, double effect, double alpha, double power)
{
    const double ratio = zSum(alpha, power) * sd / effect;
    return qint64(std::ceil(ratio * ratio - 1e-9));
}

double SamplePlanner::detectableEffect(double sd, qint64 items, double alpha, double power)
{
    if (items <= 0)
        return std::numeric_limits<double>::infinity();
    return zSum(alpha, power) * sd / std::sqrt(double(items));
}
