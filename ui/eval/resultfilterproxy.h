#pragma once

#include <QSortFilterProxyModel>

// Filters of the item table: below threshold (one metric or any), errors only, unstable under
// repeats only, and a text search
// over question and response.
class ResultFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ResultFilterProxy(QObject *parent = nullptr);

    void setBelowThreshold(bool enabled, const QString &metric = {}); // empty metric: any metric
    void setErrorsOnly(bool enabled);
    void setUnstableOnly(bool enabled);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_belowThreshold = false;
    QString m_metric;
    bool m_errorsOnly = false;
    bool m_unstableOnly = false;
    QString m_search;
};
