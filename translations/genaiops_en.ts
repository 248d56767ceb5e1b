<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>&lt;p&gt;%n labelled item(s) left out: the judge gave them no score.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n labelled item left out: the judge gave them no score.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n labelled items left out: the judge gave them no score.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message numerus="yes">
        <source>How far the window&apos;s mean confidence may sink under the device&apos;s own baseline (its first %n messages) before it counts as drifting</source>
        <translation>
            <numerusform>How far the window&apos;s mean confidence may sink under the device&apos;s own baseline (its first message) before it counts as drifting</numerusform>
            <numerusform>How far the window&apos;s mean confidence may sink under the device&apos;s own baseline (its first %n messages) before it counts as drifting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>✔ The chain of %n entries is intact.</source>
        <translation>
            <numerusform>✔ The chain of %n entry is intact.</numerusform>
            <numerusform>✔ The chain of %n entries is intact.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BedrockOutputImporter</name>
    <message numerus="yes">
        <source>no evaluation record in %n line(s) (%1)</source>
        <translation>
            <numerusform>no evaluation record in %n line (%1)</numerusform>
            <numerusform>no evaluation record in %n lines (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n items paired (by %3)</source>
        <translation>
            <numerusform>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n item paired (by %3)</numerusform>
            <numerusform>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n items paired (by %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetImporter</name>
    <message numerus="yes">
        <source>no valid item in %n line(s) (%1)</source>
        <translation>
            <numerusform>no valid item in %n line (%1)</numerusform>
            <numerusform>no valid item in %n lines (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgeConnectionBar</name>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation>
            <numerusform>%n reconnect</numerusform>
            <numerusform>%n reconnects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s), %1 s offline</source>
        <translation>
            <numerusform>%n gap, %1 s offline</numerusform>
            <numerusform>%n gaps, %1 s offline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgeListenCommand</name>
    <message numerus="yes">
        <source>The broker was out of reach %n time(s), %1 s in all: messages published meanwhile were not received unless the session kept them.</source>
        <translation>
            <numerusform>The broker was out of reach once, %1 s in all: messages published meanwhile were not received unless the session kept them.</numerusform>
            <numerusform>The broker was out of reach %n times, %1 s in all: messages published meanwhile were not received unless the session kept them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCharts</name>
    <message numerus="yes">
        <source>Loading %n items…</source>
        <translation>
            <numerusform>Loading %n item…</numerusform>
            <numerusform>Loading %n items…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCommand</name>
    <message numerus="yes">
        <source>  %n without a score</source>
        <translation>
            <numerusform>  %n without a score</numerusform>
            <numerusform>  %n without a score</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationsPanel</name>
    <message numerus="yes">
        <source>Evaluation run started; %n more will follow, one per model.</source>
        <translation>
            <numerusform>Evaluation run started; %n more will follow, one per model.</numerusform>
            <numerusform>Evaluation run started; %n more will follow, one per model.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetTableModel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuardrailHtml</name>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;small&gt;%n policy unit(s)&lt;/small&gt;&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;small&gt;%n policy unit&lt;/small&gt;&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;small&gt;%n policy units&lt;/small&gt;&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricAgreement</name>
    <message numerus="yes">
        <source>κ unknown on %n item(s): judge and people gave one verdict only, agreement %1 %</source>
        <translation>
            <numerusform>κ unknown on %n item: judge and people gave one verdict only, agreement %1 %</numerusform>
            <numerusform>κ unknown on %n items: judge and people gave one verdict only, agreement %1 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>κ %1 %2 on %n item(s), agreement %3 %</source>
        <translation>
            <numerusform>κ %1 %2 on %n item, agreement %3 %</numerusform>
            <numerusform>κ %1 %2 on %n items, agreement %3 %</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelVersionModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message numerus="yes">
        <source>%1 · v%2 · %n items</source>
        <translation>
            <numerusform>%1 · v%2 · %n item</numerusform>
            <numerusform>%1 · v%2 · %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message numerus="yes">
        <source>Running %n model(s)…</source>
        <translation>
            <numerusform>Running %n model…</numerusform>
            <numerusform>Running %n models…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptTemplate</name>
    <message numerus="yes">
        <source>no value for %n variable(s): %1</source>
        <translation>
            <numerusform>no value for %n variable: %1</numerusform>
            <numerusform>no value for %n variables: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunFiles</name>
    <message numerus="yes">
        <source> %n line(s) were skipped, the first: line %1: %2</source>
        <translation>
            <numerusform> %n line was skipped, the first: line %1: %2</numerusform>
            <numerusform> %n lines were skipped, the first: line %1: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunLabelling</name>
    <message numerus="yes">
        <source>Exported %n label(s) to %1.</source>
        <translation>
            <numerusform>Exported %n label to %1.</numerusform>
            <numerusform>Exported %n labels to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n label(s) from %1.</source>
        <translation>
            <numerusform>Imported %n label from %1.</numerusform>
            <numerusform>Imported %n labels from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunListEntry</name>
    <message numerus="yes">
        <source>%1 · %n with errors</source>
        <translation>
            <numerusform>%1 · %n with an error</numerusform>
            <numerusform>%1 · %n with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n unstable</source>
        <translation>
            <numerusform> · %n unstable</numerusform>
            <numerusform> · %n unstable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n without a score</source>
        <translation>
            <numerusform> · %n without a score</numerusform>
            <numerusform> · %n without a score</numerusform>
        </translation>
    </message>
</context>
</TS>
