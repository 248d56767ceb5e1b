#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;
class QToolButton;

// The open run's heading and its tabs (charts, judge agreement). On a short window, a 1280×720
// screen say, the tabs fold away so that the item table keeps its rows; a button on the heading
// line folds and unfolds them, and once it is used the window's height no longer decides.
class RunOverview : public QWidget
{
    Q_OBJECT

public:
    // `charts` and `agreement` become the tabs; `panel` is the page whose height is watched.
    RunOverview(QWidget *charts, QWidget *agreement, QWidget *panel);

    QTabWidget *tabs() const { return m_tabs; }
    void setHeading(const QString &html);
    QString heading() const;
    bool isFolded() const;
    void setFolded(bool folded);

    // Below this panel height the tabs start folded (the panel is about 650 px on a 720 px screen).
    static constexpr int foldBelowHeight = 700;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fold(bool folded);
    void fitFolded();

    QLabel *m_heading;
    QToolButton *m_toggle;
    QTabWidget *m_tabs;
    bool m_chosen = false; // the person folded or unfolded the tabs
};
