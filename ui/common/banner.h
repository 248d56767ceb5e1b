#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A strip across the top of a page that tells the user something and offers one action:
// "new workspace — add demo content", "no keyring reachable — what to do".
class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Information, Warning, Error };

    explicit Banner(QWidget *parent = nullptr);

    void showMessage(Tone tone, const QString &text, const QString &actionText = {});
    QString text() const;

signals:
    void actionTriggered();

private:
    QLabel *m_label;
    QPushButton *m_action;
    QPushButton *m_close;
};
