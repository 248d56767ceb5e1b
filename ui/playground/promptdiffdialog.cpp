#include "ui/playground/promptdiffdialog.h"

#include "core/common/textdiff.h"
#include "core/playground/chatparametersjson.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString diffHtml(const QString &title, const QString &before, const QString &after)
{
    QString html = QStringLiteral("<h4>%1</h4><pre style=\"margin:0\">").arg(title.toHtmlEscaped());
    for (const DiffLine &line : TextDiff::lines(before, after)) {
        const QString text = line.text.toHtmlEscaped();
        switch (line.kind) {
        case DiffLine::Kind::Same:
            html += QStringLiteral("  %1\n").arg(text);
            break;
        case DiffLine::Kind::Removed:
            html += QStringLiteral("<span style=\"background:rgba(220,53,69,70)\">- %1</span>\n").arg(text);
            break;
        case DiffLine::Kind::Added:
            html += QStringLiteral("<span style=\"background:rgba(40,167,69,70)\">+ %1</span>\n").arg(text);
            break;
        }
    }
    return html + QStringLiteral("</pre>");
}

} // namespace

PromptDiffDialog::PromptDiffDialog(QList<PromptVersion> versions, QWidget *parent)
    : QDialog(parent), m_versions(std::move(versions))
{
    setWindowTitle(tr("Compare versions of %1").arg(m_versions.value(0).name));
    m_before = new QComboBox(this);
    m_after = new QComboBox(this);
    for (const PromptVersion &version : std::as_const(m_versions)) {
        const QString label = tr("v%1 — %2")
                                  .arg(version.version)
                                  .arg(version.note.isEmpty() ? version.createdAt.left(10) : version.note);
        m_before->addItem(label, version.version);
        m_after->addItem(label, version.version);
    }
    // Versions come newest first: compare the previous one with the newest by default.
    m_before->setCurrentIndex(qMin(1, m_before->count() - 1));
    m_after->setCurrentIndex(0);
    m_view = new QTextBrowser(this);
    auto *choice = new QHBoxLayout;
    choice->addWidget(new QLabel(tr("From:"), this));
    choice->addWidget(m_before, 1);
    choice->addWidget(new QLabel(tr("To:"), this));
    choice->addWidget(m_after, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(m_before, &QComboBox::currentIndexChanged, this, &PromptDiffDialog::refresh);
    connect(m_after, &QComboBox::currentIndexChanged, this, &PromptDiffDialog::refresh);
    resize(820, 560);
    refresh();
}

const PromptVersion *PromptDiffDialog::versionAt(const QComboBox *box) const
{
    const int number = box->currentData().toInt();
    for (const PromptVersion &version : m_versions) {
        if (version.version == number)
            return &version;
    }
    return nullptr;
}

void PromptDiffDialog::refresh()
{
    const PromptVersion *before = versionAt(m_before);
    const PromptVersion *after = versionAt(m_after);
    if (!before || !after)
        return;
    m_view->setHtml(diffHtml(tr("Template"), before->templateText, after->templateText)
                    + diffHtml(tr("System prompt"), before->system, after->system)
                    + diffHtml(tr("Parameters"), ChatParametersJson::toText(before->parameters),
                               ChatParametersJson::toText(after->parameters)));
}
