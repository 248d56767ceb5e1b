#include "core/common/textdiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace {

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList lines = normalised.split(QLatin1Char('\n'));
    if (normalised.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}

struct Snake
{
    int startA, startB, endA, endB;
};

// Compares lines as small integers, then walks Myers' edit graph from both ends at once and
// recurses around the middle snake (Myers 1986, section 4b).
class MyersDiff
{
public:
    MyersDiff(const QStringList &before, const QStringList &after)
    {
        QHash<QString, int> ids;
        auto idOf = [&ids](const QString &line) { return *ids.insert(line, ids.value(line, int(ids.size()))); };
        for (const QString &line : before)
            m_before.push_back(idOf(line));
        for (const QString &line : after)
            m_after.push_back(idOf(line));
    }

    QList<DiffLine> run(const QStringList &before, const QStringList &after)
    {
        compare(0, int(m_before.size()), 0, int(m_after.size()));
        QList<DiffLine> result;
        result.reserve(qsizetype(m_steps.size()));
        for (const Step &step : m_steps) {
            switch (step.kind) {
            case DiffLine::Kind::Same:
                result.append({step.kind, before.at(step.a), step.a + 1, step.b + 1});
                break;
            case DiffLine::Kind::Removed:
                result.append({step.kind, before.at(step.a), step.a + 1, 0});
                break;
            case DiffLine::Kind::Added:
                result.append({step.kind, after.at(step.b), 0, step.b + 1});
                break;
            }
        }
        return result;
    }

private:
    struct Step
    {
        DiffLine::Kind kind;
        int a, b;
    };

    void compare(int aLow, int aHigh, int bLow, int bHigh)
    {
        while (aLow < aHigh && bLow < bHigh && m_before[size_t(aLow)] == m_after[size_t(bLow)])
            m_steps.push_back({DiffLine::Kind::Same, aLow++, bLow++});
        int suffix = 0;
        while (aHigh - suffix > aLow && bHigh - suffix > bLow
               && m_before[size_t(aHigh - suffix - 1)] == m_after[size_t(bHigh - suffix - 1)])
            ++suffix;
        aHigh -= suffix;
        bHigh -= suffix;

        // With common ends stripped, one edit leaves a side empty, so the recursion below always
        // splits at least two edits and ends.
        if (aLow == aHigh) {
            for (int b = bLow; b < bHigh; ++b)
                m_steps.push_back({DiffLine::Kind::Added, aLow, b});
        } else if (bLow == bHigh) {
            for (int a = aLow; a < aHigh; ++a)
                m_steps.push_back({DiffLine::Kind::Removed, a, bLow});
        } else {
            const Snake snake = middleSnake(aLow, aHigh, bLow, bHigh);
            compare(aLow, snake.startA, bLow, snake.startB);
            for (int a = snake.startA, b = snake.startB; a < snake.endA; ++a, ++b)
                m_steps.push_back({DiffLine::Kind::Same, a, b});
            compare(snake.endA, aHigh, snake.endB, bHigh);
        }
        for (int i = 0; i < suffix; ++i)
            m_steps.push_back({DiffLine::Kind::Same, aHigh + i, bHigh + i});
    }

    Snake middleSnake(int aLow, int aHigh, int bLow, int bHigh) const
    {
        const int n = aHigh - aLow;
        const int m = bHigh - bLow;
        const int delta = n - m;
        const bool odd = (delta & 1) != 0;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD + 1;
        // forward[k]: furthest x on diagonal k = x - y from the top left; backward[k] the same
        // from the bottom right, in reversed coordinates.
        std::vector<int> forward(size_t(2 * maxD + 3), 0);
        std::vector<int> backward(size_t(2 * maxD + 3), 0);
        auto at = [offset](std::vector<int> &v, int k) -> int & { return v[size_t(k + offset)]; };

        for (int d = 0; d <= maxD; ++d) {
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && at(forward, k - 1) < at(forward, k + 1))) ? at(forward, k + 1)
                                                                                         : at(forward, k - 1) + 1;
                int y = x - k;
                const int startX = x, startY = y;
                while (x < n && y < m && m_before[size_t(aLow + x)] == m_after[size_t(bLow + y)])
                    ++x, ++y;
                at(forward, k) = x;
                if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && x + at(backward, delta - k) >= n)
                    return {aLow + startX, bLow + startY, aLow + x, bLow + y};
            }
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && at(backward, k - 1) < at(backward, k + 1))) ? at(backward, k + 1)
                                                                                           : at(backward, k - 1) + 1;
                int y = x - k;
                const int startX = x, startY = y;
                while (x < n && y < m && m_before[size_t(aHigh - 1 - x)] == m_after[size_t(bHigh - 1 - y)])
                    ++x, ++y;
                at(backward, k) = x;
                if (!odd && delta - k >= -d && delta - k <= d && x + at(forward, delta - k) >= n)
                    return {aHigh - x, bHigh - y, aHigh - startX, bHigh - startY};
            }
        }
        return {aLow, bLow, aLow, bLow}; // unreachable: the paths meet by d = maxD
    }

    std::vector<int> m_before;
    std::vector<int> m_after;
    std::vector<Step> m_steps;
};

// Readers expect a changed block as "old lines, then new lines"; the recursion may interleave them.
void groupChanges(QList<DiffLine> &lines)
{
    auto begin = lines.begin();
    while (begin != lines.end()) {
        if (begin->kind == DiffLine::Kind::Same) {
            ++begin;
            continue;
        }
        auto end
            = std::find_if(begin, lines.end(), [](const DiffLine &line) { return line.kind == DiffLine::Kind::Same; });
        std::stable_partition(begin, end, [](const DiffLine &line) { return line.kind == DiffLine::Kind::Removed; });
        begin = end;
    }
}

QString hunkRange(int before, int count)
{
    return QString::number(count > 0 ? before + 1 : before) + QLatin1Char(',') + QString::number(count);
}

} // namespace

QList<DiffLine> TextDiff::lines(const QString &before, const QString &after)
{
    const QStringList beforeLines = splitLines(before);
    const QStringList afterLines = splitLines(after);
    QList<DiffLine> result = MyersDiff(beforeLines, afterLines).run(beforeLines, afterLines);
    groupChanges(result);
    return result;
}

QString TextDiff::unified(const QList<DiffLine> &lines, int context)
{
    const qsizetype count = lines.size();
    const qsizetype reach = context < 0 ? count : context;
    // Mark each line that is a change or within `reach` of one.
    std::vector<bool> shown(size_t(count), false);
    qsizetype lastChange = -1;
    for (qsizetype i = 0; i < count; ++i) {
        if (lines.at(i).kind == DiffLine::Kind::Same)
            continue;
        for (qsizetype j = std::max(i - reach, lastChange + 1); j <= std::min(i + reach, count - 1); ++j)
            shown[size_t(j)] = true;
        lastChange = i;
    }

    QString out;
    int oldBefore = 0, newBefore = 0;
    qsizetype i = 0;
    while (i < count) {
        if (!shown[size_t(i)]) {
            ++oldBefore;
            ++newBefore;
            ++i;
            continue;
        }
        qsizetype end = i;
        int oldCount = 0, newCount = 0;
        QString body;
        for (; end < count && shown[size_t(end)]; ++end) {
            const DiffLine &line = lines.at(end);
            const char prefix = line.kind == DiffLine::Kind::Same ? ' '
                : line.kind == DiffLine::Kind::Added              ? '+'
                                                                  : '-';
            oldCount += line.kind != DiffLine::Kind::Added ? 1 : 0;
            newCount += line.kind != DiffLine::Kind::Removed ? 1 : 0;
            body += QLatin1Char(prefix) + line.text + QLatin1Char('\n');
        }
        out += QStringLiteral("@@ -") + hunkRange(oldBefore, oldCount) + QStringLiteral(" +")
            + hunkRange(newBefore, newCount) + QStringLiteral(" @@\n") + body;
        oldBefore += oldCount;
        newBefore += newCount;
        i = end;
    }
    return out;
}
