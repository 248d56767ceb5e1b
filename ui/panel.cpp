#include "ui/panel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

QString PanelNames::id(Panel panel)
{
    switch (panel) {
    case Panel::Playground:
        return QStringLiteral("playground");
    case Panel::Evaluations:
        return QStringLiteral("evaluations");
    case Panel::Registry:
        return QStringLiteral("registry");
    case Panel::Edge:
        return QStringLiteral("edge");
    case Panel::Connections:
        return QStringLiteral("connections");
    }
    return {};
}

std::optional<Panel> PanelNames::fromId(const QString &id)
{
    for (Panel panel : all()) {
        if (PanelNames::id(panel) == id)
            return panel;
    }
    return std::nullopt;
}

QString PanelNames::title(Panel panel)
{
    switch (panel) {
    case Panel::Playground:
        return QCoreApplication::translate("Panel", "Playground");
    case Panel::Evaluations:
        return QCoreApplication::translate("Panel", "Evaluations");
    case Panel::Registry:
        return QCoreApplication::translate("Panel", "Model registry");
    case Panel::Edge:
        return QCoreApplication::translate("Panel", "Edge devices");
    case Panel::Connections:
        return QCoreApplication::translate("Panel", "Connections");
    }
    return {};
}

QString PanelNames::iconPath(Panel panel)
{
    return QStringLiteral(":/icons/") + id(panel) + QStringLiteral(".svg");
}

QIcon PanelNames::icon(Panel panel)
{
    QIcon icon(iconPath(panel));
    for (int side : {22, 44}) {
        QPixmap selected = icon.pixmap(side, side);
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), Qt::white);
        painter.end();
        icon.addPixmap(selected, QIcon::Selected);
    }
    return icon;
}
