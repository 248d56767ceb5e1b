#pragma once

#include "core/playground/promptlibrary.h"

#include <QDialog>

class QComboBox;
class QTextBrowser;

// Two versions of a prompt, line by line: what was removed in red, what was added in green.
class PromptDiffDialog : public QDialog
{
    Q_OBJECT

public:
    PromptDiffDialog(QList<PromptVersion> versions, QWidget *parent = nullptr);

private:
    void refresh();
    const PromptVersion *versionAt(const QComboBox *box) const;

    QList<PromptVersion> m_versions;
    QComboBox *m_before;
    QComboBox *m_after;
    QTextBrowser *m_view;
};
