#pragma once

#include "core/edge/edgealert.h"
#include "core/edge/eventrecord.h"
#include "core/edge/fleetchartdata.h"
#include "core/edge/fleetsnapshot.h"
#include "core/edge/inspectionresult.h"
#include "core/edge/mqttclient.h"

#include <QList>
#include <QMetaType>

// What the EdgeMonitor sends the panel about ten times a second: the fleet as it is now and what
// happened since the last update, in the form the panel shows it (compact event rows, the charts'
// series), so the UI thread only swaps it in. Lists are capped so a flood never makes one update
// huge; the counts say how much was left out.
struct EdgeUpdate
{
    FleetSnapshot fleet;
    FleetChartData charts;
    QList<EventRecord> events; // newest last
    EventNames eventNames; // what the events' name indexes point to
    qint64 eventsLeftOut = 0;
    QList<InspectionResult> reviewCandidates; // defective or low confidence
    qint64 reviewLeftOut = 0;
    QList<EdgeAlert> alertChanges; // raised or cleared since the last update
    MqttClient::State state = MqttClient::State::Stopped;
    int reconnects = 0;
    int gaps = 0; // connections lost and got back
    qint64 offlineMs = 0;
    QString lastError;
    qint64 recordedMessages = 0;
    QString recordingName;
};

Q_DECLARE_METATYPE(EdgeUpdate)
