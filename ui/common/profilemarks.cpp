#include "ui/common/profilemarks.h"

#include "ui/theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QPalette>

namespace {

const char *const UnverifiedProperty = "genaiopsUnverifiedProfiles";

void markCurrent(QComboBox *box)
{
    const QSet<QString> unverified = box->property(UnverifiedProperty).value<QSet<QString>>();
    const bool marked = unverified.contains(box->currentText());
    QPalette palette = box->parentWidget() ? box->parentWidget()->palette() : box->palette();
    if (marked)
        for (QPalette::ColorRole role : {QPalette::ButtonText, QPalette::Text, QPalette::WindowText})
            palette.setColor(role, Theme::color(Theme::Role::Bad));
    box->setPalette(palette);
    box->setToolTip(marked ? ProfileMarks::warning() : QString());
}

} // namespace

QString ProfileMarks::warning()
{
    return QCoreApplication::translate("ProfileMarks",
                                       "This profile does not verify TLS certificates (verify_tls is no): whoever "
                                       "sits between here and the service can read and change the traffic.");
}

void ProfileMarks::apply(QComboBox *box, const QSet<QString> &unverified)
{
    for (int index = 0; index < box->count(); ++index) {
        const bool marked = unverified.contains(box->itemText(index));
        box->setItemData(index, marked ? QVariant(Theme::color(Theme::Role::Bad)) : QVariant(), Qt::ForegroundRole);
        box->setItemData(index, marked ? QVariant(warning()) : QVariant(), Qt::ToolTipRole);
    }
    if (!box->property(UnverifiedProperty).isValid())
        QObject::connect(box, &QComboBox::currentIndexChanged, box, [box]() { markCurrent(box); });
    box->setProperty(UnverifiedProperty, QVariant::fromValue(unverified));
    markCurrent(box);
}
