#include "core/edge/streamingquantile.h"

#include <algorithm>
#include <cmath>

StreamingQuantile::StreamingQuantile(double probability) : m_probability(probability)
{
    const double p = probability;
    m_desired = {1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5};
    m_increments = {0, p / 2, p, (1 + p) / 2, 1};
    m_positions = {1, 2, 3, 4, 5};
}

void StreamingQuantile::add(double value)
{
    if (m_count < 5) {
        m_heights[std::size_t(m_count)] = value;
        ++m_count;
        if (m_count == 5)
            std::sort(m_heights.begin(), m_heights.end());
        return;
    }
    ++m_count;

    // The cell the value falls in; the extreme markers follow the minimum and maximum.
    int cell = 0;
    if (value < m_heights[0]) {
        m_heights[0] = value;
        cell = 0;
    } else if (value >= m_heights[4]) {
        m_heights[4] = value;
        cell = 3;
    } else {
        cell = int(std::upper_bound(m_heights.begin(), m_heights.end(), value) - m_heights.begin()) - 1;
    }
    for (int marker = cell + 1; marker < 5; ++marker)
        m_positions[std::size_t(marker)] += 1;
    for (std::size_t marker = 0; marker < 5; ++marker)
        m_desired[marker] += m_increments[marker];

    // Move the three middle markers toward their desired positions, one step at a time.
    for (int marker = 1; marker <= 3; ++marker) {
        const auto index = std::size_t(marker);
        const double offset = m_desired[index] - m_positions[index];
        if ((offset >= 1 && m_positions[index + 1] - m_positions[index] > 1)
            || (offset <= -1 && m_positions[index - 1] - m_positions[index] < -1)) {
            const int direction = offset >= 0 ? 1 : -1;
            double height = parabolic(marker, direction);
            if (!(m_heights[index - 1] < height && height < m_heights[index + 1]))
                height = linear(marker, direction);
            m_heights[index] = height;
            m_positions[index] += direction;
        }
    }
}

double StreamingQuantile::value() const
{
    if (m_count == 0)
        return 0;
    // Up to five values the heights are the values themselves, so the quantile is exact.
    if (m_count <= 5) {
        std::array<double, 5> sorted = m_heights;
        std::sort(sorted.begin(), sorted.begin() + m_count);
        const auto rank = std::size_t(std::lround(m_probability * double(m_count - 1)));
        return sorted[rank];
    }
    return m_heights[2];
}

double StreamingQuantile::parabolic(int marker, int direction) const
{
    const auto i = std::size_t(marker);
    const double d = direction;
    const double n = m_positions[i], below = m_positions[i - 1], above = m_positions[i + 1];
    return m_heights[i]
        + d / (above - below)
        * ((n - below + d) * (m_heights[i + 1] - m_heights[i]) / (above - n)
           + (above - n - d) * (m_heights[i] - m_heights[i - 1]) / (n - below));
}

double StreamingQuantile::linear(int marker, int direction) const
{
    const auto i = std::size_t(marker);
    const auto j = std::size_t(marker + direction);
    return m_heights[i] + direction * (m_heights[j] - m_heights[i]) / (m_positions[j] - m_positions[i]);
}
