#include "core/statistics/samplequantile.h"

#include <algorithm>
#include <cmath>

double SampleQuantile::of(const QList<double> &sorted, double fraction)
{
    if (sorted.isEmpty())
        return 0;
    const double rank = double(sorted.size() - 1) * std::clamp(fraction, 0.0, 1.0);
    const auto lower = qsizetype(std::floor(rank));
    if (lower + 1 >= sorted.size())
        return sorted.last();
    return sorted[lower] + (rank - double(lower)) * (sorted[lower + 1] - sorted[lower]);
}
