#pragma once

#include <QWidget>

// Stands in for a panel that is not built yet and says so plainly, with what it will do, so nobody
// mistakes an empty page for a broken one.
class PlaceholderPanel : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPanel(const QString &title, const QString &purpose, const QStringList &plannedFeatures,
                     QWidget *parent = nullptr);
};
