#pragma once

#include <QList>

class SampleQuantile
{
public:
    // The `fraction` quantile (0…1) of ascending `sorted` values by linear interpolation between the
    // closest ranks: rank h = (n − 1) · fraction, result x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋+1] − x[⌊h⌋]).
    // This is Hyndman & Fan's type 7, the default of numpy, R and spreadsheets' PERCENTILE.INC, so a
    // user can check our figures with the tool at hand. 0 when empty.
    static double of(const QList<double> &sorted, double fraction);
};
