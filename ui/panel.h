#pragma once

#include <QIcon>
#include <QList>
#include <QString>

#include <optional>

// The main window's pages, in navigation order (Ctrl+1 … Ctrl+5).
enum class Panel { Playground, Evaluations, Registry, Edge, Connections };

class PanelNames
{
public:
    static QList<Panel> all()
    {
        return {Panel::Playground, Panel::Evaluations, Panel::Registry, Panel::Edge, Panel::Connections};
    }
    // The id used on the command line (--panel) and in settings.
    static QString id(Panel panel);
    static std::optional<Panel> fromId(const QString &id);
    static QString title(Panel panel);
    static QString iconPath(Panel panel);
    // The panel's icon, with a white variant for the selected state so it reads on the highlight.
    static QIcon icon(Panel panel);
};
