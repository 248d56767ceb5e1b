#pragma once

#include <array>

// One quantile of a stream in constant memory: the P² algorithm (Jain and Chlamtac, 1985) keeps
// five markers whose heights move by piecewise-parabolic interpolation. A device sending for a week
// costs five doubles per quantile, and the estimate is exact for the first five values.
class StreamingQuantile
{
public:
    explicit StreamingQuantile(double probability);

    void add(double value);
    // The estimate; 0 before any value.
    double value() const;
    long long count() const { return m_count; }

private:
    double parabolic(int marker, int direction) const;
    double linear(int marker, int direction) const;

    double m_probability;
    long long m_count = 0;
    std::array<double, 5> m_heights{};
    std::array<double, 5> m_positions{};
    std::array<double, 5> m_desired{};
    std::array<double, 5> m_increments{};
};
