#pragma once

#include <QString>

#include <vector>

// What every bench prints about a figure it repeats: the median and worst of the runs, the floor
// measured in the same run and the ratio to it, and a verdict; and how much of the cores other
// processes took meanwhile, without which a slow figure cannot be told from a busy host.
class Repeats
{
public:
    explicit Repeats(bool higherIsWorse = true) : m_higherIsWorse(higherIsWorse) { }
    void add(double value) { m_values.push_back(value); }
    bool isEmpty() const { return m_values.empty(); }
    std::size_t size() const { return m_values.size(); }
    double median() const;
    double worst() const;
    QString medianAndWorst(int decimals = 1) const; // "412.3 / 440.1"

private:
    std::vector<double> m_values;
    bool m_higherIsWorse;
};

// The share of the host's cores (0 to 1 of all of them) that processes other than this one and
// `children` took between start() and share(), from /proc/stat and this process's own CPU time.
class OtherLoad
{
public:
    void start();
    double share(double childrenCpuMs = 0) const;
    QString describe(double childrenCpuMs = 0) const; // "other processes took 3 % of 2 cores"

private:
    double m_hostCpuMs = 0;
    double m_ownCpuMs = 0;
    qint64 m_wallStartNs = 0;
};

// "met" or "NOT met", as the benches print verdicts.
const char *verdict(bool met);
