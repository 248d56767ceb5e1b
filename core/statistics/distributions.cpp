#include "core/statistics/distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double epsilon = 1e-16;
constexpr double tiny = 1e-300;

// The continued fraction of I_x(a, b) (its even and odd steps), evaluated by the modified Lentz
// method; converges fast for x < (a + 1) / (a + b + 2), which the caller arranges.
double betaContinuedFraction(double a, double b, double x)
{
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::abs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double result = d;
    // One Lentz step with the next coefficient; returns the factor it multiplied the result by.
    const auto step = [&](double coefficient) {
        d = 1.0 + coefficient * d;
        if (std::abs(d) < tiny)
            d = tiny;
        c = 1.0 + coefficient / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        result *= d * c;
        return d * c;
    };
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        step(m * (b - m) * x / ((qam + m2) * (a + m2)));
        const double change = step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        if (std::abs(change - 1.0) < epsilon)
            break;
    }
    return result;
}

double studentDensity(double t, double degrees)
{
    const double logNorm = std::lgamma((degrees + 1) / 2) - std::lgamma(degrees / 2) - 0.5 * std::log(degrees * M_PI);
    return std::exp(logNorm - (degrees + 1) / 2 * std::log1p(t * t / degrees));
}

} // namespace

double Distributions::normalCdf(double x)
{
    return 0.5 * std::erfc(-x / M_SQRT2);
}

double Distributions::normalQuantile(double probability)
{
    if (probability <= 0)
        return -std::numeric_limits<double>::infinity();
    if (probability >= 1)
        return std::numeric_limits<double>::infinity();
    // Acklam's rational approximation (relative error about 1e-9), then Halley steps on the exact
    // CDF bring it to double precision.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[]
        = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double lowTail = 0.02425;
    double x = 0;
    if (probability < lowTail || probability > 1 - lowTail) {
        const double q = std::sqrt(-2 * std::log(std::min(probability, 1 - probability)));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        if (probability > 1 - lowTail)
            x = -x;
    } else {
        const double q = probability - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    for (int step = 0; step < 3; ++step) {
        // Φ(x) − p; in the upper tail as (1 − p) − Q(x), so no precision is lost to 1 − Φ(x).
        const double error = probability > 0.5 ? (1 - probability) - 0.5 * std::erfc(x / M_SQRT2)
                                               : 0.5 * std::erfc(-x / M_SQRT2) - probability;
        const double u = error * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
        x = x - u / (1 + x * u / 2);
    }
    return x;
}

double Distributions::incompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1) / (a + b + 2))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

double Distributions::studentTwoSidedP(double t, double degrees)
{
    if (std::isnan(t))
        return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(t))
        return 0;
    return incompleteBeta(degrees / 2, 0.5, degrees / (degrees + t * t));
}

double Distributions::studentCdf(double t, double degrees)
{
    const double tail = 0.5 * studentTwoSidedP(t, degrees);
    return t < 0 ? tail : 1 - tail;
}

double Distributions::studentQuantile(double probability, double degrees)
{
    if (probability <= 0)
        return -std::numeric_limits<double>::infinity();
    if (probability >= 1)
        return std::numeric_limits<double>::infinity();
    if (probability == 0.5)
        return 0;
    // Solved for the tail beyond |t| as given, never as 1 − p: that would lose the digits of a
    // probability near 0 or 1. Bracket the root, then Newton steps, falling back to bisection
    // whenever a step leaves the bracket.
    const double tail = std::min(probability, 1 - probability);
    const double sign = probability < 0.5 ? -1.0 : 1.0;
    double low = 0;
    double high = std::max(1.0, -normalQuantile(tail));
    while (0.5 * studentTwoSidedP(high, degrees) > tail && high < 1e300)
        high *= 2;
    double t = std::clamp(-normalQuantile(tail), low, high);
    for (int iteration = 0; iteration < 400; ++iteration) {
        const double excess = 0.5 * studentTwoSidedP(t, degrees) - tail; // decreasing in t
        if (excess > 0)
            low = t;
        else
            high = t;
        double next = t + excess / studentDensity(t, degrees);
        if (!(next > low && next < high))
            next = (low + high) / 2;
        if (std::abs(next - t) <= 1e-15 * std::max(1.0, std::abs(t))) {
            t = next;
            break;
        }
        t = next;
    }
    return sign * t;
}

double Distributions::signTestP(qint64 successes, qint64 trials)
{
    if (trials <= 0)
        return 1;
    const qint64 smaller = std::min(successes, trials - successes);
    if (2 * smaller == trials)
        return 1;
    // P(X ≤ k) for X ~ Binomial(n, ½) is I_½(n − k, k + 1).
    const double lowerTail = incompleteBeta(double(trials - smaller), double(smaller + 1), 0.5);
    return std::min(1.0, 2 * lowerTail);
}
