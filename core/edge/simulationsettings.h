#pragma once

#include "core/edge/mqttsettings.h"

// What `edge simulate` and the demo publish: a fleet of devices in the seed's payload format.
struct SimulationSettings
{
    QString topic = MqttSettings::defaultTopic();
    int devices = 4;
    double rate = 20; // messages per second, whole fleet
    double durationSeconds = 10; // 0: until stopped
    double defectRate = 0.05;
    int imageEvery = 0; // every Kth message of a device carries image_base64; 0: none
    int malformedEvery = 0; // every Kth message is malformed on purpose; 0: none
    bool drift = false; // the first device's confidence sinks over time
    bool failingDevice = false; // the last device fails: defects, slow inference, then silence
    double failAfterSeconds = 0; // when it starts failing; 0: a third of the duration (20 s if endless)
    int qos = 0;
    quint32 seed = 1;
};
