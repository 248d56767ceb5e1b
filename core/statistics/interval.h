#pragma once

#include <cmath>
#include <limits>

// A confidence interval [low, high]; both NaN when there is too little data to give one.
struct Interval
{
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();

    bool isKnown() const { return std::isfinite(low) && std::isfinite(high); }
    bool contains(double value) const { return isKnown() && value >= low && value <= high; }
    double width() const { return high - low; }
};
