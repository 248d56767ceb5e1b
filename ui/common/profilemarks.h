#pragma once

#include <QSet>
#include <QString>

class QComboBox;

// Marks in red, in a drop-down of connection profiles, those that do not verify TLS certificates
// (verify_tls "no"): the item in the list, and the closed box whenever one of them is chosen, each
// with a tooltip saying what that means. Items are matched by their text.
class ProfileMarks
{
public:
    static void apply(QComboBox *box, const QSet<QString> &unverified);
    static QString warning(); // the tooltip, for other places that show such a profile
};
