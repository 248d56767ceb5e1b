<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgreementModel</name>
    <message>
        <source>Prediction-powered inference: the judge&apos;s scores of every item, corrected by people&apos;s labels (λ %1); labels alone: %2 (%3)</source>
        <translation>Prediction-Powered Inference: die Bewertungen des Judge-Modells für alle Einträge, korrigiert durch menschliche Labels (λ %1); nur Labels: %2 (%3)</translation>
    </message>
    <message>
        <source>Not every labelled item was drawn at random, so the corrected mean may lean towards the items chosen</source>
        <translation>Nicht alle gelabelten Einträge wurden zufällig gezogen, daher kann der korrigierte Mittelwert zu den ausgewählten Einträgen hin verzerrt sein</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1 (%2)%3</translation>
    </message>
    <message>
        <source>%1 × %2: κ %3 (n %4)</source>
        <translation>%1 × %2: κ %3 (n %4)</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ between the judge&apos;s pass/fail and people&apos;s, with its 95 % bootstrap interval; a lower bound under 0.6 means the judge cannot stand in for people on this metric</source>
        <translation>Cohens κ zwischen den Urteilen des Judge-Modells (bestanden/nicht bestanden) und denen der Menschen, mit 95-%-Bootstrap-Intervall; liegt die Untergrenze unter 0,6, kann das Judge-Modell bei dieser Metrik Menschen nicht ersetzen</translation>
    </message>
    <message>
        <source>Share of labels on which judge and people say the same; high even by chance when most items pass</source>
        <translation>Anteil der Labels, bei denen Judge-Modell und Menschen übereinstimmen; schon zufällig hoch, wenn die meisten Einträge bestehen</translation>
    </message>
    <message>
        <source>Mean of the judge&apos;s score minus people&apos;s, over the labelled items</source>
        <translation>Mittelwert der Bewertung des Judge-Modells abzüglich der menschlichen Bewertung, über die gelabelten Einträge</translation>
    </message>
    <message>
        <source>The judged mean corrected by people&apos;s labels (prediction-powered inference), 95 % interval</source>
        <translation>Der Judge-Mittelwert, korrigiert durch menschliche Labels (Prediction-Powered Inference), 95-%-Intervall</translation>
    </message>
    <message>
        <source>κ between two reviewers on the items both labelled: the ceiling a judge can reach</source>
        <translation>κ zwischen zwei Prüfern auf den Einträgen, die beide gelabelt haben: die Obergrenze dessen, was ein Judge-Modell erreichen kann</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>Gelabelt</translation>
    </message>
    <message>
        <source>κ (95% CI)</source>
        <translation>κ (95-%-KI)</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Judge bias</source>
        <translation>Judge-Verzerrung</translation>
    </message>
    <message>
        <source>Judged mean</source>
        <translation>Judge-Mittelwert</translation>
    </message>
    <message>
        <source>Corrected mean (95% CI)</source>
        <translation>Korrigierter Mittelwert (95-%-KI)</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Prüfer</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>&lt;h3&gt;Nobody has labelled this run yet&lt;/h3&gt;&lt;p&gt;A judge&apos;s scores are only as good as its agreement with people. &lt;a href=&quot;review&quot;&gt;Review…&lt;/a&gt; opens a labelling queue: label 30 to 50 items drawn at random for each judged metric, and this tab shows Cohen&apos;s κ between the judge and you, the judge&apos;s bias, and the judged mean corrected by your labels.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Diesen Durchlauf hat noch niemand gelabelt&lt;/h3&gt;&lt;p&gt;Die Bewertungen eines Judge-Modells sind nur so gut wie seine Übereinstimmung mit Menschen. &lt;a href=&quot;review&quot;&gt;Prüfen…&lt;/a&gt; öffnet eine Prüfwarteschlange: Labeln Sie für jede Judge-Metrik 30 bis 50 zufällig gezogene Einträge; dieser Tab zeigt dann Cohens κ zwischen dem Judge-Modell und Ihnen, die Verzerrung des Judge-Modells und den durch Ihre Labels korrigierten Judge-Mittelwert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: judge&apos;s verdict against people&apos;s (each label counts; threshold %2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: Urteil des Judge-Modells im Vergleich zu dem der Menschen (jedes Label zählt; Schwellenwert %2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>people: pass</source>
        <translation>Menschen: bestanden</translation>
    </message>
    <message>
        <source>people: fail</source>
        <translation>Menschen: nicht bestanden</translation>
    </message>
    <message>
        <source>judge: pass</source>
        <translation>Judge: bestanden</translation>
    </message>
    <message>
        <source>judge: fail</source>
        <translation>Judge: nicht bestanden</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n labelled item(s) left out: the judge gave them no score.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n gelabelter Eintrag nicht berücksichtigt: Das Judge-Modell hat ihn nicht bewertet.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n gelabelte Einträge nicht berücksichtigt: Das Judge-Modell hat sie nicht bewertet.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;* Not every labelled item was drawn at random: the corrected mean may lean towards the items chosen. Label a random queue for an unbiased correction.&lt;/p&gt;</source>
        <translation>&lt;p&gt;* Nicht alle gelabelten Einträge wurden zufällig gezogen: Der korrigierte Mittelwert kann zu den ausgewählten Einträgen hin verzerrt sein. Labeln Sie eine Zufallsstichprobe, um eine unverzerrte Korrektur zu erhalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Judge–people κ, 95% CI (trusted from 0.6)</source>
        <translation>κ Judge–Menschen, 95-%-KI (vertrauenswürdig ab 0,6)</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation>aufgehoben um %1</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Defect rate above</source>
        <translation>Fehlerquote über</translation>
    </message>
    <message>
        <source>…over a window of</source>
        <translation>…in einem Zeitfenster von</translation>
    </message>
    <message>
        <source>…judged from at least</source>
        <translation>…beurteilt anhand von mindestens</translation>
    </message>
    <message>
        <source>Mean confidence below</source>
        <translation>Mittlere Konfidenz unter</translation>
    </message>
    <message>
        <source>Low confidence (review queue) below</source>
        <translation>Niedrige Konfidenz (Prüfwarteschlange) unter</translation>
    </message>
    <message>
        <source>p95 latency above</source>
        <translation>p95-Latenz über</translation>
    </message>
    <message>
        <source>Alert rules and classes</source>
        <translation>Alarmregeln und Klassen</translation>
    </message>
    <message>
        <source>Prediction values that mean a good part, separated by commas</source>
        <translation>Vorhersagewerte für ein gutes Teil, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Prediction values that mean a defective part, separated by commas</source>
        <translation>Vorhersagewerte für ein defektes Teil, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Classes meaning good</source>
        <translation>Klassen für „gut“</translation>
    </message>
    <message>
        <source>Classes meaning defective</source>
        <translation>Klassen für „defekt“</translation>
    </message>
    <message>
        <source>Changing the rules starts the statistics afresh. A prediction that is in neither list counts as malformed (unknown_class).</source>
        <translation>Geänderte Regeln beginnen die Statistik von vorn. Eine Vorhersage, die in keiner der beiden Listen steht, zählt als fehlerhaft (unknown_class).</translation>
    </message>
    <message numerus="yes">
        <source>How far the window&apos;s mean confidence may sink under the device&apos;s own baseline (its first %n messages) before it counts as drifting</source>
        <translation>
            <numerusform>Wie weit die mittlere Konfidenz im Fenster unter die eigene Basislinie des Geräts (seine ersten %n Nachricht) sinken darf, bevor es als driftend gilt</numerusform>
            <numerusform>Wie weit die mittlere Konfidenz im Fenster unter die eigene Basislinie des Geräts (seine ersten %n Nachrichten) sinken darf, bevor es als driftend gilt</numerusform>
        </translation>
    </message>
    <message>
        <source>Silent after no message for</source>
        <translation>Stumm, wenn keine Nachricht kam seit</translation>
    </message>
    <message>
        <source>Drifting when confidence sinks by</source>
        <translation>Driftend, wenn die Konfidenz sinkt um</translation>
    </message>
</context>
<context>
    <name>ApprovalPolicy</name>
    <message>
        <source>the registry policy is not a JSON object (%1); fix it or remove it to use the defaults</source>
        <translation>die Registerrichtlinie ist kein JSON-Objekt (%1); korrigieren oder entfernen Sie sie, um die Standardwerte zu verwenden</translation>
    </message>
    <message>
        <source>deciders: &quot;%1&quot; is not Dev, Test or Prod</source>
        <translation>deciders: „%1“ ist nicht Dev, Test oder Prod</translation>
    </message>
    <message>
        <source>deciders: unknown role &quot;%1&quot; for %2</source>
        <translation>deciders: unbekannte Rolle „%1“ für %2</translation>
    </message>
    <message>
        <source>four_eyes: &quot;%1&quot; is not a stage</source>
        <translation>four_eyes: „%1“ ist keine Stufe</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 decides %2</source>
        <translation>%1 entscheidet über %2</translation>
    </message>
    <message>
        <source>%1 decisions are taken by %2; %3 acts as %4</source>
        <translation>über %1 entscheidet %2; %3 handelt als %4</translation>
    </message>
    <message>
        <source>a second person is not needed for this decision</source>
        <translation>für diese Entscheidung ist keine zweite Person nötig</translation>
    </message>
    <message>
        <source>the registrant of version %1 is unknown, so nobody can show to be a second person</source>
        <translation>die registrierende Person von Version %1 ist unbekannt, daher kann niemand als zweite Person gelten</translation>
    </message>
    <message>
        <source>%1 registered version %2 and may not approve it for %3; another person must</source>
        <translation>%1 hat Version %2 registriert und darf sie nicht für %3 freigeben; das muss eine andere Person tun</translation>
    </message>
    <message>
        <source>registered by %1, decided by %2</source>
        <translation>registriert von %1, entschieden von %2</translation>
    </message>
    <message>
        <source>only a Prod approval needs evidence</source>
        <translation>nur eine Freigabe für Prod erfordert einen Nachweis</translation>
    </message>
    <message>
        <source>the workspace policy does not ask for evidence</source>
        <translation>die Richtlinie des Arbeitsbereichs verlangt keinen Nachweis</translation>
    </message>
    <message>
        <source>no evaluation run is linked to version %1</source>
        <translation>mit Version %1 ist kein Evaluierungsdurchlauf verknüpft</translation>
    </message>
    <message>
        <source>no linked evaluation run passed its gates: %1</source>
        <translation>kein verknüpfter Evaluierungsdurchlauf hat seine Gates bestanden: %1</translation>
    </message>
    <message>
        <source>%1; overridden: &quot;%2&quot; (recorded in the audit trail)</source>
        <translation>%1; Ausnahme: „%2“ (im Prüfpfad festgehalten)</translation>
    </message>
    <message>
        <source>%1; link a run whose gates pass, or give an override reason</source>
        <translation>%1; verknüpfen Sie einen Durchlauf, dessen Gates bestanden sind, oder geben Sie eine Begründung für die Ausnahme an</translation>
    </message>
    <message>
        <source>the comment has %1 characters; at most %2 are kept</source>
        <translation>der Kommentar hat %1 Zeichen; höchstens %2 werden gespeichert</translation>
    </message>
    <message>
        <source>a comment is given</source>
        <translation>ein Kommentar ist angegeben</translation>
    </message>
    <message>
        <source>a comment is optional for this decision</source>
        <translation>für diese Entscheidung ist ein Kommentar optional</translation>
    </message>
    <message>
        <source>a rejection needs a comment saying why</source>
        <translation>eine Ablehnung erfordert einen Kommentar mit Begründung</translation>
    </message>
    <message>
        <source>a Prod decision needs a comment saying why</source>
        <translation>eine Prod-Entscheidung erfordert einen Kommentar mit Begründung</translation>
    </message>
    <message>
        <source>no stage is entered</source>
        <translation>die Entscheidung führt in keine Stufe</translation>
    </message>
    <message>
        <source>the workspace policy allows skipping stages</source>
        <translation>die Richtlinie des Arbeitsbereichs erlaubt das Überspringen von Stufen</translation>
    </message>
    <message>
        <source>restoring an archived version</source>
        <translation>eine archivierte Version wird wiederhergestellt</translation>
    </message>
    <message>
        <source>%1 may follow where version %2 stands</source>
        <translation>%1 darf auf den aktuellen Stand von Version %2 folgen</translation>
    </message>
    <message>
        <source>version %1 can go to %2 next, not %3: stages are not skipped</source>
        <translation>Version %1 kann als Nächstes nach %2, nicht nach %3: Stufen werden nicht übersprungen</translation>
    </message>
    <message>
        <source>the decision does not enter Prod</source>
        <translation>die Entscheidung führt nicht nach Prod</translation>
    </message>
    <message>
        <source>the workspace policy allows several Prod versions per group</source>
        <translation>die Richtlinie des Arbeitsbereichs erlaubt mehrere Prod-Versionen pro Gruppe</translation>
    </message>
    <message>
        <source>no other version is in Prod</source>
        <translation>keine andere Version ist in Prod</translation>
    </message>
    <message>
        <source>version %1 leaves Prod and is archived in the same step</source>
        <translation>Version %1 verlässt Prod und wird im selben Schritt archiviert</translation>
    </message>
    <message>
        <source>%1 must be {&quot;%2&quot;: κ from -1 to 1, &quot;%3&quot;: a whole number of labels}</source>
        <translation>%1 muss {&quot;%2&quot;: κ von -1 bis 1, &quot;%3&quot;: Anzahl der Labels als ganze Zahl} sein</translation>
    </message>
    <message>
        <source>%1 has %2 labelled item(s) of %3 needed</source>
        <translation>%1 hat %2 von %3 benötigten gelabelten Einträgen</translation>
    </message>
    <message>
        <source>%1: κ %2 is under %3</source>
        <translation>%1: κ %2 liegt unter %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>only a Prod approval needs the judge&apos;s agreement with people</source>
        <translation>nur eine Freigabe für Prod erfordert die Übereinstimmung des Judge-Modells mit Menschen</translation>
    </message>
    <message>
        <source>the workspace policy does not ask for judge agreement</source>
        <translation>die Richtlinie des Arbeitsbereichs verlangt keine Judge-Übereinstimmung</translation>
    </message>
    <message>
        <source>κ ≥ %1 on at least %2 labelled items per judged metric</source>
        <translation>κ ≥ %1 bei mindestens %2 gelabelten Einträgen je Judge-Metrik</translation>
    </message>
    <message>
        <source>run %1 has no judged metric, so no judge needs trusting</source>
        <translation>Durchlauf %1 hat keine Judge-Metrik, daher muss keinem Judge-Modell vertraut werden</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>Durchlauf %1: %2</translation>
    </message>
    <message>
        <source>no passing evaluation run to measure the judge on</source>
        <translation>kein bestandener Evaluierungsdurchlauf, an dem sich das Judge-Modell messen ließe</translation>
    </message>
    <message>
        <source>%1 asked, %2; overridden: &quot;%3&quot; (recorded in the audit trail)</source>
        <translation>verlangt: %1; %2; Ausnahme: „%3“ (im Prüfpfad festgehalten)</translation>
    </message>
    <message>
        <source>%1 asked, %2; label more items or give an override reason</source>
        <translation>verlangt: %1; %2; labeln Sie weitere Einträge oder geben Sie eine Begründung für die Ausnahme an</translation>
    </message>
    <message>
        <source>version %1 stays in %2 until it is approved there: %3 would skip a stage</source>
        <translation>Version %1 bleibt in %2, bis sie dort freigegeben ist: %3 würde eine Stufe überspringen</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail of %1</source>
        <translation>Prüfpfad von %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Which version was in</source>
        <translation>Welche Version war in</translation>
    </message>
    <message>
        <source>on</source>
        <translation>am</translation>
    </message>
    <message>
        <source>%1 (override: %2)</source>
        <translation>%1 (Ausnahme: %2)</translation>
    </message>
    <message numerus="yes">
        <source>✔ The chain of %n entries is intact.</source>
        <translation>
            <numerusform>✔ Die Kette aus %n Eintrag ist intakt.</numerusform>
            <numerusform>✔ Die Kette aus %n Einträgen ist intakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>✘ Entry %1 is not as written (%2): %3</source>
        <translation>✘ Eintrag %1 ist nicht mehr so, wie er geschrieben wurde (%2): %3</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>entry %1 is missing: the sequence jumps from %2 to %3</source>
        <translation>Eintrag %1 fehlt: Die Nummerierung springt von %2 auf %3</translation>
    </message>
    <message>
        <source>entry %1 has a sequence number the trail never assigns</source>
        <translation>Eintrag %1 hat eine laufende Nummer, die der Prüfpfad nie vergibt</translation>
    </message>
    <message>
        <source>%1 does not start the chain: it points at %2 instead of the genesis hash</source>
        <translation>%1 beginnt die Kette nicht: Er verweist auf %2 statt auf den Genesis-Hash</translation>
    </message>
    <message>
        <source>%1 does not point at entry %2: it names %3, entry %2&apos;s hash is %4 (entry %2 was rewritten together with its hash, or entry %5 was slipped in)</source>
        <translation>%1 verweist nicht auf Eintrag %2: Er nennt %3, der Hash von Eintrag %2 ist %4 (Eintrag %2 wurde samt Hash neu geschrieben, oder Eintrag %5 wurde eingeschoben)</translation>
    </message>
    <message>
        <source>%1 was edited: its content no longer matches the hash it was written with</source>
        <translation>%1 wurde bearbeitet: Sein Inhalt passt nicht mehr zu dem Hash, mit dem er geschrieben wurde</translation>
    </message>
    <message>
        <source>entry %1 is missing and the entries after it were renumbered: the entry now numbered %1 was written as entry %2</source>
        <translation>Eintrag %1 fehlt, und die folgenden Einträge wurden neu nummeriert: Der Eintrag, der jetzt die Nummer %1 trägt, wurde als Eintrag %2 geschrieben</translation>
    </message>
    <message>
        <source>entries were reordered: %1 was written as entry %2</source>
        <translation>Einträge wurden umsortiert: %1 wurde als Eintrag %2 geschrieben</translation>
    </message>
    <message>
        <source>the trail&apos;s head record (workspace_meta %1) is missing, so entries cut off the end could not be noticed</source>
        <translation>der Kopfdatensatz des Prüfpfads (workspace_meta %1) fehlt, daher lassen sich am Ende abgeschnittene Einträge nicht erkennen</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing at the end of the trail (the head record says the last entry is %2)</source>
        <translation>die Einträge %1 bis %2 fehlen am Ende des Prüfpfads (laut Kopfdatensatz ist %2 der letzte Eintrag)</translation>
    </message>
    <message>
        <source>entry %1 was added outside the workbench: the head record ends at entry %2</source>
        <translation>Eintrag %1 wurde außerhalb der Workbench hinzugefügt: Der Kopfdatensatz endet bei Eintrag %2</translation>
    </message>
    <message>
        <source>%1 was rewritten together with its hash: the head record remembers %2</source>
        <translation>%1 wurde samt Hash neu geschrieben: Der Kopfdatensatz enthält noch %2</translation>
    </message>
    <message>
        <source>entry %1 (%2 %3 v%4 by %5 at %6)</source>
        <translation>Eintrag %1 (%2 %3 v%4 von %5 am %6)</translation>
    </message>
</context>
<context>
    <name>AwsCredentialResolver</name>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set</source>
        <translation>AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY sind nicht gesetzt</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>%1 is set but %2 is not; set both or neither</source>
        <translation>%1 ist gesetzt, %2 jedoch nicht; setzen Sie beide oder keine von beiden</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; not found: %2 has no [%1] section and %3 has no [%4] section</source>
        <translation>AWS-Profil „%1“ nicht gefunden: %2 enthält keinen Abschnitt [%1] und %3 keinen Abschnitt [%4]</translation>
    </message>
    <message>
        <source>no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in %1</source>
        <translation>keine AWS-Zugangsdaten gefunden: Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY oder AWS_PROFILE mit einem Profil in %1</translation>
    </message>
    <message>
        <source>cannot read AWS settings: %1</source>
        <translation>AWS-Einstellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; uses %2, which the workbench does not support; give it aws_access_key_id and aws_secret_access_key, or export temporary keys (aws configure export-credentials --format env)</source>
        <translation>AWS-Profil „%1“ verwendet %2, was die Workbench nicht unterstützt; tragen Sie dort aws_access_key_id und aws_secret_access_key ein oder exportieren Sie temporäre Schlüssel (aws configure export-credentials --format env)</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; has no %2</source>
        <translation>Im AWS-Profil „%1“ fehlt %2</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>BedrockJsonProtocol</name>
    <message>
        <source>the answer was cut off after %1 bytes</source>
        <translation>die Antwort wurde nach %1 Byte abgeschnitten</translation>
    </message>
</context>
<context>
    <name>BedrockOutputImporter</name>
    <message>
        <source>no score</source>
        <translation>keine Bewertung</translation>
    </message>
    <message>
        <source>no question (expected input.query)</source>
        <translation>keine Frage (erwartet: input.query)</translation>
    </message>
    <message>
        <source>no question (expected inputRecord.prompt)</source>
        <translation>keine Frage (erwartet: inputRecord.prompt)</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>not a Bedrock evaluation record (expected input, output and metrics, or automatedEvaluationResult, inputRecord and modelResponses)</source>
        <translation>kein Bedrock-Evaluierungseintrag (erwartet: input, output und metrics oder automatedEvaluationResult, inputRecord und modelResponses)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>only blank lines</source>
        <translation>nur Leerzeilen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>no evaluation record in %n line(s) (%1)</source>
        <translation>
            <numerusform>kein Evaluierungseintrag in %n Zeile (%1)</numerusform>
            <numerusform>kein Evaluierungseintrag in %n Zeilen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>the score %1 is outside 0…1</source>
        <translation>die Bewertung %1 liegt außerhalb von 0…1</translation>
    </message>
</context>
<context>
    <name>BedrockProtocol</name>
    <message>
        <source>no model given</source>
        <translation>kein Modell angegeben</translation>
    </message>
    <message>
        <source>the event stream broke after %1 characters: %2</source>
        <translation>der Event-Stream ist nach %1 Zeichen abgebrochen: %2</translation>
    </message>
    <message>
        <source>malformed event after %1 characters: %2</source>
        <translation>fehlerhaftes Event nach %1 Zeichen: %2</translation>
    </message>
    <message>
        <source>%1 (after %2 characters)</source>
        <translation>%1 (nach %2 Zeichen)</translation>
    </message>
    <message>
        <source>the answer was cut off after %1 bytes</source>
        <translation>die Antwort wurde nach %1 Byte abgeschnitten</translation>
    </message>
    <message>
        <source>no messageStop event</source>
        <translation>kein messageStop-Event</translation>
    </message>
    <message>
        <source>no metadata event</source>
        <translation>kein metadata-Event</translation>
    </message>
    <message>
        <source>the Converse answer has no output message: &quot;%1&quot;</source>
        <translation>die Converse-Antwort enthält keine Ausgabenachricht: „%1“</translation>
    </message>
</context>
<context>
    <name>BedrockRequest</name>
    <message>
        <source>no AWS region for Bedrock (set --region or AWS_REGION)</source>
        <translation>keine AWS-Region für Bedrock (setzen Sie --region oder AWS_REGION)</translation>
    </message>
    <message>
        <source>no AWS credentials for Bedrock (an access key id and a secret access key are needed)</source>
        <translation>keine AWS-Zugangsdaten für Bedrock (erforderlich sind eine Zugriffsschlüssel-ID und ein geheimer Zugriffsschlüssel)</translation>
    </message>
    <message>
        <source>the Bedrock endpoint URL is not valid: %1</source>
        <translation>die Bedrock-Endpoint-URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>malformed JSON in the %1 answer (%2 bytes): %3 at offset %4 in &quot;%5&quot;</source>
        <translation>fehlerhaftes JSON in der %1-Antwort (%2 Byte): %3 bei Offset %4 in „%5“</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Details angegeben</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Bedrock answered %1: %2</source>
        <translation>Bedrock antwortete mit %1: %2</translation>
    </message>
</context>
<context>
    <name>BlockingCall</name>
    <message>
        <source>guardrail intervened</source>
        <translation>Guardrail hat eingegriffen</translation>
    </message>
    <message>
        <source>guardrail: no intervention</source>
        <translation>Guardrail: kein Eingriff</translation>
    </message>
    <message>
        <source>  the model had answered: %1</source>
        <translation>  das Modell hatte geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>BlockingHttp</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>der Server hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>Zeitüberschreitung bei der Verbindung</translation>
    </message>
    <message>
        <source>the answer was cut off: %1</source>
        <translation>die Antwort wurde abgeschnitten: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ChatCommand</name>
    <message>
        <source>--max-tokens expects a whole number ≥ 1</source>
        <translation>--max-tokens erwartet eine ganze Zahl ≥ 1</translation>
    </message>
    <message>
        <source>--temperature expects a number from 0 to 2</source>
        <translation>--temperature erwartet eine Zahl von 0 bis 2</translation>
    </message>
    <message>
        <source>--top-p expects a number above 0 and at most 1</source>
        <translation>--top-p erwartet eine Zahl größer als 0 und höchstens 1</translation>
    </message>
    <message>
        <source>Send one prompt to a model; text streams to stdout as it arrives.</source>
        <translation>Einen Prompt an ein Modell senden; der Text wird beim Eintreffen nach stdout gestreamt.</translation>
    </message>
    <message>
        <source>System prompt.</source>
        <translation>System-Prompt.</translation>
    </message>
    <message>
        <source>Most tokens to generate (default 512).</source>
        <translation>Höchstzahl der zu erzeugenden Tokens (Standard: 512).</translation>
    </message>
    <message>
        <source>Sampling temperature.</source>
        <translation>Temperatur für das Sampling.</translation>
    </message>
    <message>
        <source>Nucleus sampling mass.</source>
        <translation>Wahrscheinlichkeitsmasse für das Nucleus-Sampling (Top-p).</translation>
    </message>
    <message>
        <source>Stop sequence (repeatable).</source>
        <translation>Stoppsequenz (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Ask for the whole answer at once.</source>
        <translation>Die ganze Antwort auf einmal anfordern.</translation>
    </message>
    <message>
        <source>Print one JSON object at the end instead of the text.</source>
        <translation>Am Ende ein einzelnes JSON-Objekt statt des Textes ausgeben.</translation>
    </message>
    <message>
        <source>The prompt, or - to read it from stdin.</source>
        <translation>Der Prompt oder -, um ihn von stdin zu lesen.</translation>
    </message>
    <message>
        <source>chat: give exactly one PROMPT (or - for stdin)</source>
        <translation>chat: genau ein PROMPT erwartet (oder - für stdin)</translation>
    </message>
    <message>
        <source>chat: the prompt is empty</source>
        <translation>chat: der Prompt ist leer</translation>
    </message>
</context>
<context>
    <name>ChatProtocol</name>
    <message>
        <source>the stream was cut off after %1 characters (%2)</source>
        <translation>der Stream wurde nach %1 Zeichen abgebrochen (%2)</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>--%1 must be a number of at least %2</source>
        <translation>--%1 muss eine Zahl von mindestens %2 sein</translation>
    </message>
    <message>
        <source>--%1 must be at most %2</source>
        <translation>--%1 darf höchstens %2 sein</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Compare runs — B: %1</source>
        <translation>Durchläufe vergleichen — B: %1</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Mean A</source>
        <translation>Mittelwert A</translation>
    </message>
    <message>
        <source>Mean B</source>
        <translation>Mittelwert B</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Pass A → B</source>
        <translation>Bestanden A → B</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Compare with (A):</source>
        <translation>Vergleichen mit (A):</translation>
    </message>
    <message>
        <source>There is no other run to compare with yet.</source>
        <translation>Es gibt noch keinen anderen Durchlauf, mit dem verglichen werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n items paired (by %3)</source>
        <translation>
            <numerusform>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n Eintrag gepaart (nach %3)</numerusform>
            <numerusform>&lt;b&gt;A&lt;/b&gt; %1 · &lt;b&gt;B&lt;/b&gt; %2 · %n Einträge gepaart (nach %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;B is better&lt;/b&gt; on %2.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;B ist besser&lt;/b&gt; bei %2.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;B is worse&lt;/b&gt; on %2.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;B ist schlechter&lt;/b&gt; bei %2.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No difference detectable at this size on %1.</source>
        <translation>Bei %1 ist mit dieser Anzahl an Einträgen kein Unterschied nachweisbar.</translation>
    </message>
    <message>
        <source>The runs share no metric, so there is nothing to compare.</source>
        <translation>Die Durchläufe haben keine gemeinsame Metrik, daher gibt es nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>With these items a difference of about %1 could be detected (α 0.05, power 0.8); a smaller one needs more items (see &lt;tt&gt;genaiops eval plan&lt;/tt&gt;).</source>
        <translation>Mit diesen Einträgen ließe sich ein Unterschied ab etwa %1 nachweisen (α 0,05, Teststärke 0,8); für einen kleineren sind mehr Einträge nötig (siehe &lt;tt&gt;genaiops eval plan&lt;/tt&gt;).</translation>
    </message>
    <message>
        <source>Left out, found in one run only: %1 items of A, %2 of B.</source>
        <translation>Nicht berücksichtigt, da nur in einem Durchlauf vorhanden: %1 Einträge von A, %2 von B.</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>%1% → %2%</source>
        <translation>%1 % → %2 %</translation>
    </message>
    <message>
        <source>no difference detectable</source>
        <translation>kein Unterschied nachweisbar</translation>
    </message>
    <message>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <source>%1: per-item change B − A (mean %2)</source>
        <translation>%1: Änderung je Eintrag B − A (Mittelwert %2)</translation>
    </message>
    <message>
        <source>better or same</source>
        <translation>besser oder gleich</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>item %1 of B, %2 of A</source>
        <translation>Eintrag %1 von B, %2 von A</translation>
    </message>
    <message>
        <source>B − A (95% CI, unadjusted)</source>
        <translation>B − A (95-%-KI, unkorrigiert)</translation>
    </message>
    <message>
        <source>Choose an item above to read both runs&apos; responses.</source>
        <translation>Wählen Sie oben einen Eintrag, um die Antworten beider Läufe zu lesen.</translation>
    </message>
    <message>
        <source>Compare runs — A: %1 · B: %2</source>
        <translation>Läufe vergleichen — A: %1 · B: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;No differences:&lt;/b&gt; both runs gave every paired item the same scores on every metric.</source>
        <translation>&lt;b&gt;Keine Unterschiede:&lt;/b&gt; Beide Läufe gaben jedem gepaarten Eintrag bei jeder Metrik dieselben Werte.</translation>
    </message>
    <message>
        <source>No item changed on %1: every paired item has the same score in both runs.</source>
        <translation>Bei %1 hat sich kein Eintrag geändert: Jeder gepaarte Eintrag hat in beiden Läufen denselben Wert.</translation>
    </message>
    <message>
        <source>change B − A</source>
        <translation>Änderung B − A</translation>
    </message>
</context>
<context>
    <name>CompareVersionsDialog</name>
    <message>
        <source>Compare versions of %1</source>
        <translation>Versionen von %1 vergleichen</translation>
    </message>
    <message>
        <source>v%1 — %2%3</source>
        <translation>v%1 — %2%3</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Profiles for model endpoints, AWS accounts and MQTT brokers. The workspace keeps their names and settings; keys and passphrases live only in the OS keyring.</source>
        <translation>Profile für Modell-Endpoints, AWS-Konten und MQTT-Broker. Der Arbeitsbereich speichert ihre Namen und Einstellungen; Schlüssel und Passphrasen liegen ausschließlich im Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Add a connection profile (%1)</source>
        <translation>Verbindungsprofil hinzufügen (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No connections yet&lt;/h3&gt;&lt;p&gt;Add a profile to call a model endpoint (OpenAI-compatible servers such as Ollama, vLLM or LiteLLM, or Amazon Bedrock), a SageMaker registry or an MQTT broker.&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;Add…&lt;/b&gt; or %1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Verbindungen&lt;/h3&gt;&lt;p&gt;Fügen Sie ein Profil hinzu, um einen Modell-Endpoint (OpenAI-kompatible Server wie Ollama, vLLM oder LiteLLM oder Amazon Bedrock), ein SageMaker-Register oder einen MQTT-Broker anzusprechen.&lt;/p&gt;&lt;p&gt;Klicken Sie auf &lt;b&gt;Hinzufügen…&lt;/b&gt; oder drücken Sie %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The OS keyring is not reachable, so profiles with secrets cannot be saved or used. %1</source>
        <translation>Der Schlüsselbund des Betriebssystems ist nicht erreichbar, daher können Profile mit Zugangsdaten weder gespeichert noch verwendet werden. %1</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Saved connection &quot;%1&quot;.</source>
        <translation>Verbindung „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Updated connection &quot;%1&quot;.</source>
        <translation>Verbindung „%1“ aktualisiert.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Deleted connection &quot;%1&quot;.</source>
        <translation>Verbindung „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Send a minimal prompt through the selected connection</source>
        <translation>Einen minimalen Prompt über die ausgewählte Verbindung senden</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; and remove its secrets from the OS keyring? This cannot be undone.</source>
        <translation>Möchten Sie die Verbindung „%1“ löschen und ihre Zugangsdaten aus dem Schlüsselbund des Betriebssystems entfernen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Test %1</source>
        <translation>%1 testen</translation>
    </message>
    <message>
        <source>Model id to send a one-line prompt to:</source>
        <translation>Modell-ID für einen einzeiligen Test-Prompt:</translation>
    </message>
    <message>
        <source>Testing %1 with %2…</source>
        <translation>%1 wird mit %2 getestet…</translation>
    </message>
    <message>
        <source>%1 failed the test: %2</source>
        <translation>%1 hat den Test nicht bestanden: %2</translation>
    </message>
    <message>
        <source>%1 works: %2 answered &quot;%3&quot; in %4 ms.</source>
        <translation>%1 funktioniert: %2 hat in %4 ms mit „%3“ geantwortet.</translation>
    </message>
    <message>
        <source>Connect to the profile&apos;s broker and disconnect again</source>
        <translation>Mit dem Broker des Profils verbinden und die Verbindung wieder trennen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
</context>
<context>
    <name>ConverseStreamEvent</name>
    <message>
        <source>event stream: %1 payload is not valid JSON: %2 at character %3</source>
        <translation>Event-Stream: Die Nutzdaten von %1 sind kein gültiges JSON: %2 bei Zeichen %3</translation>
    </message>
    <message>
        <source>event stream: %1 payload is not a JSON object</source>
        <translation>Event-Stream: Die Nutzdaten von %1 sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>event stream: unexpected message type &quot;%1&quot;</source>
        <translation>Event-Stream: unerwarteter Nachrichtentyp „%1“</translation>
    </message>
    <message>
        <source>no message given</source>
        <translation>keine Meldung angegeben</translation>
    </message>
    <message>
        <source>Bedrock %1: %2</source>
        <translation>Bedrock %1: %2</translation>
    </message>
    <message>
        <source>unnamed exception</source>
        <translation>unbenannte Ausnahme</translation>
    </message>
</context>
<context>
    <name>CredentialProfile</name>
    <message>
        <source>Amazon Web Services</source>
        <translation>Amazon Web Services</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint</source>
        <translation>OpenAI-kompatibler Endpoint</translation>
    </message>
    <message>
        <source>MQTT client key</source>
        <translation>MQTT-Client-Schlüssel</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Session token (optional)</source>
        <translation>Sitzungstoken (optional)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Endpoint URL (optional)</source>
        <translation>Endpoint-URL (optional)</translation>
    </message>
    <message>
        <source>Client key passphrase (optional)</source>
        <translation>Passphrase des Client-Schlüssels (optional)</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Passwort (optional)</translation>
    </message>
    <message>
        <source>Broker (mqtt://HOST:PORT or mqtts://HOST:PORT)</source>
        <translation>Broker (mqtt://HOST:PORT oder mqtts://HOST:PORT)</translation>
    </message>
    <message>
        <source>User name (optional)</source>
        <translation>Benutzername (optional)</translation>
    </message>
    <message>
        <source>CA certificate file (optional; system CAs otherwise)</source>
        <translation>CA-Zertifikatsdatei (optional; sonst die CAs des Systems)</translation>
    </message>
    <message>
        <source>Client certificate file (optional)</source>
        <translation>Client-Zertifikatsdatei (optional)</translation>
    </message>
    <message>
        <source>Client key file (optional)</source>
        <translation>Client-Schlüsseldatei (optional)</translation>
    </message>
    <message>
        <source>ALPN protocol (optional, x-amzn-mqtt-ca for AWS IoT on port 443)</source>
        <translation>ALPN-Protokoll (optional, x-amzn-mqtt-ca für AWS IoT auf Port 443)</translation>
    </message>
    <message>
        <source>Verify TLS certificates (yes, or no for a test server with a self-signed one)</source>
        <translation>TLS-Zertifikate prüfen (yes, oder no für einen Testserver mit selbst signiertem Zertifikat)</translation>
    </message>
</context>
<context>
    <name>CredentialProfileModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Secrets of &quot;%1&quot; are in the OS keyring; the workspace keeps only its name and settings.</source>
        <translation>Die Zugangsdaten von „%1“ liegen im Schlüsselbund des Betriebssystems; der Arbeitsbereich speichert nur Name und Einstellungen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED</source>
        <translation>TLS NICHT GEPRÜFT</translation>
    </message>
</context>
<context>
    <name>CredentialProfileRepository</name>
    <message>
        <source>the profile &quot;%1&quot; is gone</source>
        <translation>das Profil „%1“ gibt es nicht mehr</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>no secrets are stored for this profile</source>
        <translation>für dieses Profil sind keine Zugangsdaten gespeichert</translation>
    </message>
    <message>
        <source>the keyring refused access (%1). Unlock the keyring and try again.</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert (%1). Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>no OS keyring is reachable (%1). %2</source>
        <translation>kein Schlüsselbund des Betriebssystems erreichbar (%1). %2</translation>
    </message>
    <message>
        <source>the keyring failed: %1. %2</source>
        <translation>Fehler im Schlüsselbund: %1. %2</translation>
    </message>
    <message>
        <source>keyring entry for profile &quot;%1&quot;</source>
        <translation>Schlüsselbund-Eintrag für Profil „%1“</translation>
    </message>
    <message>
        <source>Secrets are kept only in the OS keyring. Start a Secret Service provider such as GNOME Keyring or KWallet and unlock it. On a headless machine, start a session with `dbus-run-session`, run `gnome-keyring-daemon --unlock` inside it, then the program.</source>
        <translation>Zugangsdaten werden ausschließlich im Schlüsselbund des Betriebssystems gespeichert. Starten Sie einen Secret-Service-Anbieter wie GNOME Keyring oder KWallet und entsperren Sie ihn. Starten Sie auf einem Rechner ohne grafische Oberfläche eine Sitzung mit `dbus-run-session` und führen Sie darin zuerst `gnome-keyring-daemon --unlock` und dann das Programm aus.</translation>
    </message>
    <message>
        <source>the keyring is locked, so the profile&apos;s secrets cannot be read. Unlock it (log in to the desktop session, or unlock the login keyring) and try again.</source>
        <translation>der Schlüsselbund ist gesperrt, die Geheimnisse des Profils lassen sich nicht lesen. Entsperren Sie ihn (an der Desktop-Sitzung anmelden oder den Anmelde-Schlüsselbund entsperren) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>CredentialsCommand</name>
    <message>
        <source>Manage connection profiles. Secrets go to the OS keyring only.</source>
        <translation>Verbindungsprofile verwalten. Zugangsdaten werden ausschließlich im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>list, set PROFILE or delete PROFILE</source>
        <translation>list, set PROFILE oder delete PROFILE</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>aws, openai or mqtt</source>
        <translation>aws, openai oder mqtt</translation>
    </message>
    <message>
        <source>credentials set: --kind aws|openai|mqtt is required</source>
        <translation>credentials set: --kind aws|openai|mqtt ist erforderlich</translation>
    </message>
    <message>
        <source>credentials: expected `list`, `set PROFILE --kind K` or `delete PROFILE`</source>
        <translation>credentials: `list`, `set PROFILE --kind K` oder `delete PROFILE` erwartet</translation>
    </message>
    <message>
        <source>No profiles yet. Add one with: genaiops credentials set NAME --kind aws|openai|mqtt</source>
        <translation>Noch keine Profile vorhanden. Legen Sie eines an mit: genaiops credentials set NAME --kind aws|openai|mqtt</translation>
    </message>
    <message>
        <source>credentials set: &quot;%1&quot; is not a valid profile name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;; at most 64)</source>
        <translation>credentials set: „%1“ ist kein gültiger Profilname (Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;; höchstens 64 Zeichen)</translation>
    </message>
    <message>
        <source>credentials set: unknown kind &quot;%1&quot; (expected aws, openai or mqtt)</source>
        <translation>credentials set: unbekannter Typ „%1“ (erwartet: aws, openai oder mqtt)</translation>
    </message>
    <message>
        <source>Enter key=value lines (%1), then Ctrl+D:
</source>
        <translation>Geben Sie Zeilen der Form key=value ein (%1) und drücken Sie dann Ctrl+D:
</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot; (%2); its secrets are in the OS keyring.</source>
        <translation>Profil „%1“ (%2) gespeichert; seine Zugangsdaten liegen im Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot; and its keyring entry.</source>
        <translation>Profil „%1“ und sein Schlüsselbund-Eintrag wurden gelöscht.</translation>
    </message>
    <message>
        <source>no profile named &quot;%1&quot;</source>
        <translation>kein Profil namens „%1“</translation>
    </message>
</context>
<context>
    <name>CsvRecordReader</name>
    <message>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>ein Feld in Anführungszeichen wird vor dem Dateiende nicht geschlossen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>DatasetImporter</name>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the header has no question column (expected user_input, question or query)</source>
        <translation>die Kopfzeile enthält keine Spalte für die Frage (erwartet: user_input, question oder query)</translation>
    </message>
    <message>
        <source>%1 fields, but the header names %2</source>
        <translation>%1 Felder, die Kopfzeile benennt aber nur %2</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>only blank lines</source>
        <translation>nur Leerzeilen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>no valid item in %n line(s) (%1)</source>
        <translation>
            <numerusform>kein gültiger Eintrag in %n Zeile (%1)</numerusform>
            <numerusform>kein gültiger Eintrag in %n Zeilen (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Hochstufen</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>%1 %2 version %3</source>
        <translation>%1: %2, Version %3</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>%1 v%2 — %3, stage %4, registered by %5</source>
        <translation>%1 v%2 — %3, Stufe %4, registriert von %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Acting as:</source>
        <translation>Handelnd als:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To stage:</source>
        <translation>Zielstufe:</translation>
    </message>
    <message>
        <source>For stage:</source>
        <translation>Für Stufe:</translation>
    </message>
    <message>
        <source>Why — recorded in the audit trail (required for rejections and Prod decisions)</source>
        <translation>Begründung — wird im Prüfpfad festgehalten (erforderlich bei Ablehnungen und Prod-Entscheidungen)</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>only when a Prod decision has no passing evaluation gate</source>
        <translation>nur wenn eine Prod-Entscheidung kein bestandenes Evaluierungs-Gate hat</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>Begründung für die Ausnahme:</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Checking the policy…</source>
        <translation>Richtlinie wird geprüft…</translation>
    </message>
    <message>
        <source>Policy check:</source>
        <translation>Richtlinienprüfung:</translation>
    </message>
    <message>
        <source>✔ satisfied</source>
        <translation>✔ erfüllt</translation>
    </message>
    <message>
        <source>✘ missing</source>
        <translation>✘ fehlt</translation>
    </message>
    <message>
        <source>Every rule is satisfied; the decision will be recorded in the audit trail.</source>
        <translation>Alle Regeln sind erfüllt; die Entscheidung wird im Prüfpfad festgehalten.</translation>
    </message>
    <message>
        <source>Refused by rule &quot;%1&quot;: %2</source>
        <translation>Von Regel „%1“ verweigert: %2</translation>
    </message>
</context>
<context>
    <name>DemoContent</name>
    <message>
        <source>Who approves a model version? (demo comparison)</source>
        <translation>Wer gibt eine Modellversion frei? (Demo-Vergleich)</translation>
    </message>
</context>
<context>
    <name>DemoRegistry</name>
    <message>
        <source>First prompt over the support knowledge base</source>
        <translation>Erster Prompt auf Basis der Support-Wissensdatenbank</translation>
    </message>
    <message>
        <source>Answers stay on the retrieved passages.</source>
        <translation>Die Antworten bleiben bei den abgerufenen Textstellen.</translation>
    </message>
    <message>
        <source>Test endpoint deployed; integration tests green.</source>
        <translation>Test-Endpoint bereitgestellt; Integrationstests grün.</translation>
    </message>
    <message>
        <source>Approved for the pilot with the support team.</source>
        <translation>Für den Pilotbetrieb mit dem Support-Team freigegeben.</translation>
    </message>
    <message>
        <source>Pilot limited to internal agents; the lexical gate is being reworked (GOV-112).</source>
        <translation>Pilotbetrieb auf interne Support-Mitarbeitende beschränkt; das lexikalische Gate wird überarbeitet (GOV-112).</translation>
    </message>
    <message>
        <source>ResNet-50 fine-tuned on line 3 images</source>
        <translation>ResNet-50, feinabgestimmt auf Bilder von Linie 3</translation>
    </message>
    <message>
        <source>Runs at 26 fps on the edge device.</source>
        <translation>Läuft mit 26 fps auf dem Edge-Gerät.</translation>
    </message>
    <message>
        <source>Meets the line 3 acceptance criteria.</source>
        <translation>Erfüllt die Abnahmekriterien von Linie 3.</translation>
    </message>
    <message>
        <source>Validated on the line 3 hold-out set (QA report 2024-17); no RAG evaluation applies to an image classifier.</source>
        <translation>Auf dem Hold-out-Set von Linie 3 validiert (QS-Bericht 2024-17); für einen Bildklassifikator ist keine RAG-Evaluierung anwendbar.</translation>
    </message>
    <message>
        <source>Stricter prompt: answer only from the context, cite the sentence</source>
        <translation>Strengerer Prompt: nur aus dem Kontext antworten, den Satz zitieren</translation>
    </message>
    <message>
        <source>Fewer unsupported claims than v1.</source>
        <translation>Weniger unbelegte Aussagen als v1.</translation>
    </message>
    <message>
        <source>Load test at 40 rps passed.</source>
        <translation>Lasttest mit 40 rps bestanden.</translation>
    </message>
    <message>
        <source>Gates pass; replaces v1 for all agents.</source>
        <translation>Gates bestanden; ersetzt v1 für alle Support-Mitarbeitenden.</translation>
    </message>
    <message>
        <source>Reviewed the test report with the support leads.</source>
        <translation>Testbericht mit den Support-Teamleitungen durchgesprochen.</translation>
    </message>
    <message>
        <source>More scratch samples, mixed precision</source>
        <translation>Mehr Kratzer-Beispiele, Mixed Precision</translation>
    </message>
    <message>
        <source>Faster on the device.</source>
        <translation>Schneller auf dem Gerät.</translation>
    </message>
    <message>
        <source>Recall on scratched housings fell to 0.84; collect more scratch samples first.</source>
        <translation>Recall bei zerkratzten Gehäusen auf 0,84 gefallen; zuerst mehr Kratzer-Beispiele sammeln.</translation>
    </message>
    <message>
        <source>Reranker in front of the retriever</source>
        <translation>Reranker vor dem Retriever</translation>
    </message>
    <message>
        <source>Better retrieval on long questions.</source>
        <translation>Besseres Retrieval bei langen Fragen.</translation>
    </message>
    <message>
        <source>Test endpoint deployed; waiting for the governance review.</source>
        <translation>Test-Endpoint bereitgestellt; wartet auf das Governance-Review.</translation>
    </message>
    <message>
        <source>Smaller model for lower cost</source>
        <translation>Kleineres Modell für geringere Kosten</translation>
    </message>
    <message>
        <source>Refund answers cite the retired policy; retrain on the new FAQ.</source>
        <translation>Antworten zu Erstattungen zitieren die nicht mehr gültige Richtlinie; mit den neuen FAQ neu trainieren.</translation>
    </message>
    <message>
        <source>Scratch samples doubled</source>
        <translation>Kratzer-Beispiele verdoppelt</translation>
    </message>
    <message>
        <source>Recall is back above 0.9.</source>
        <translation>Recall liegt wieder über 0,9.</translation>
    </message>
    <message>
        <source>Multilingual answers (German, French)</source>
        <translation>Mehrsprachige Antworten (Deutsch, Französisch)</translation>
    </message>
    <message>
        <source>Distilled for the new camera</source>
        <translation>Für die neue Kamera destilliert</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>Data scientist</source>
        <translation>Data Scientist</translation>
    </message>
    <message>
        <source>AI engineer</source>
        <translation>KI-Ingenieur</translation>
    </message>
    <message>
        <source>Governance officer</source>
        <translation>Governance-Verantwortliche</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Freigabe ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Prod</source>
        <translation>Prod</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Role may decide</source>
        <translation>Rolle darf entscheiden</translation>
    </message>
    <message>
        <source>Four eyes</source>
        <translation>Vier-Augen-Prinzip</translation>
    </message>
    <message>
        <source>Stage order</source>
        <translation>Stufenfolge</translation>
    </message>
    <message>
        <source>Evaluation evidence</source>
        <translation>Evaluierungsnachweis</translation>
    </message>
    <message>
        <source>Judge agreement</source>
        <translation>Judge-Übereinstimmung</translation>
    </message>
    <message>
        <source>One version in Prod</source>
        <translation>Eine Version in Prod</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>token limit</source>
        <translation>Token-Grenze</translation>
    </message>
    <message>
        <source>stop sequence</source>
        <translation>Stoppsequenz</translation>
    </message>
    <message>
        <source>guardrail intervened</source>
        <translation>Guardrail hat eingegriffen</translation>
    </message>
    <message>
        <source>content filtered</source>
        <translation>Inhalt gefiltert</translation>
    </message>
    <message>
        <source>tool use</source>
        <translation>Werkzeugaufruf</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registriert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>befördert</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Your workbench role (%1) decides no stage; an admin grants roles with genaiops workspace grant.</source>
        <translation>Ihre Workbench-Rolle (%1) entscheidet über keine Stufe; Rollen vergibt ein Admin mit genaiops workspace grant.</translation>
    </message>
    <message>
        <source>A viewer decides nothing; choose the role you decide in.</source>
        <translation>Ein Betrachter entscheidet nichts; wählen Sie die Rolle, in der Sie entscheiden.</translation>
    </message>
</context>
<context>
    <name>EdgeAlert</name>
    <message>
        <source>Defect rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>Niedrige Konfidenz</translation>
    </message>
    <message>
        <source>Slow inference</source>
        <translation>Langsame Inferenz</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Verstummt</translation>
    </message>
    <message>
        <source>%1: defect rate %2 % over the window, above %3 %</source>
        <translation>%1: Fehlerquote %2 % im Zeitfenster, über %3 %</translation>
    </message>
    <message>
        <source>%1: mean confidence %2 over the window, below %3</source>
        <translation>%1: mittlere Konfidenz %2 im Zeitfenster, unter %3</translation>
    </message>
    <message>
        <source>%1: p95 inference latency %2 ms, above %3 ms</source>
        <translation>%1: p95-Inferenzlatenz %2 ms, über %3 ms</translation>
    </message>
    <message>
        <source>%1: no message for %2 s</source>
        <translation>%1: seit %2 s keine Nachricht</translation>
    </message>
</context>
<context>
    <name>EdgeAlertOptions</name>
    <message>
        <source>Confidence counted as low (default 0.7).</source>
        <translation>Konfidenz, unter der ein Ergebnis als niedrig gilt (Standard: 0.7).</translation>
    </message>
    <message>
        <source>Alert when the window&apos;s defect rate exceeds X (default 0.3).</source>
        <translation>Alarm, wenn die Fehlerquote im Zeitfenster X übersteigt (Standard: 0.3).</translation>
    </message>
    <message>
        <source>Sliding window in seconds (default 60).</source>
        <translation>Gleitendes Zeitfenster in Sekunden (Standard: 60).</translation>
    </message>
    <message>
        <source>Alert when the window&apos;s mean confidence falls below Y (default 0.75).</source>
        <translation>Alarm, wenn die mittlere Konfidenz im Zeitfenster unter Y fällt (Standard: 0.75).</translation>
    </message>
    <message>
        <source>Alert when p95 latency exceeds Z ms (default 250).</source>
        <translation>Alarm, wenn die p95-Latenz Z ms übersteigt (Standard: 250).</translation>
    </message>
    <message>
        <source>Alert when a device is silent for S seconds (default 15).</source>
        <translation>Alarm, wenn ein Gerät S Sekunden lang nichts sendet (Standard: 15).</translation>
    </message>
    <message>
        <source>A class name meaning good (repeatable; default good).</source>
        <translation>Ein Klassenname für „gut“ (mehrfach angebbar; Standard: good).</translation>
    </message>
    <message>
        <source>A class name meaning defective (repeatable; default defective).</source>
        <translation>Ein Klassenname für „defekt“ (mehrfach angebbar; Standard: defective).</translation>
    </message>
    <message>
        <source>A device drifts when its window&apos;s mean confidence sinks D under its baseline (default 0.05).</source>
        <translation>Ein Gerät driftet, wenn die mittlere Konfidenz im Fenster D unter seine Basislinie sinkt (Standard: 0,05).</translation>
    </message>
</context>
<context>
    <name>EdgeBrokerOptions</name>
    <message>
        <source>mqtt://HOST:PORT or mqtts://HOST:PORT.</source>
        <translation>mqtt://HOST:PORT oder mqtts://HOST:PORT.</translation>
    </message>
    <message>
        <source>Topic filter; + and # allowed (default %1).</source>
        <translation>Topic-Filter; + und # erlaubt (Standard: %1).</translation>
    </message>
    <message>
        <source>0 or 1 (default 0).</source>
        <translation>0 oder 1 (Standard: 0).</translation>
    </message>
    <message>
        <source>3.1.1 or 5 (default 3.1.1).</source>
        <translation>3.1.1 oder 5 (Standard: 3.1.1).</translation>
    </message>
    <message>
        <source>Client identifier (default: random).</source>
        <translation>Client-Kennung (Standard: zufällig).</translation>
    </message>
    <message>
        <source>Keep the session (and QoS 1 messages) across disconnects; needs --client-id.</source>
        <translation>Die Sitzung (und QoS-1-Nachrichten) über Verbindungsabbrüche hinweg erhalten; erfordert --client-id.</translation>
    </message>
    <message>
        <source>CA certificate (PEM) that signed the broker&apos;s certificate.</source>
        <translation>CA-Zertifikat (PEM), mit dem das Zertifikat des Brokers signiert ist.</translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation>Client-Zertifikat (PEM).</translation>
    </message>
    <message>
        <source>Client private key (PEM); its passphrase comes from --profile.</source>
        <translation>Privater Schlüssel des Clients (PEM); seine Passphrase kommt aus --profile.</translation>
    </message>
    <message>
        <source>TLS ALPN protocol, e.g. x-amzn-mqtt-ca for AWS IoT Core on port 443.</source>
        <translation>TLS-ALPN-Protokoll, z. B. x-amzn-mqtt-ca für AWS IoT Core auf Port 443.</translation>
    </message>
    <message>
        <source>User name (password from --profile or MQTT_PASSWORD).</source>
        <translation>Benutzername (Passwort aus --profile oder MQTT_PASSWORD).</translation>
    </message>
    <message>
        <source>An mqtt connection profile: its settings, and secrets from the OS keyring.</source>
        <translation>Ein mqtt-Verbindungsprofil: seine Einstellungen und die Zugangsdaten aus dem Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
        <source>there is no mqtt profile named &quot;%1&quot;</source>
        <translation>es gibt kein mqtt-Profil namens „%1“</translation>
    </message>
    <message>
        <source>--broker mqtt://HOST:PORT is required</source>
        <translation>--broker mqtt://HOST:PORT ist erforderlich</translation>
    </message>
    <message>
        <source>--qos must be 0 or 1</source>
        <translation>--qos muss 0 oder 1 sein</translation>
    </message>
    <message>
        <source>--mqtt-version must be 3.1.1 or 5</source>
        <translation>--mqtt-version muss 3.1.1 oder 5 sein</translation>
    </message>
    <message>
        <source>genaiops: warning: profile &quot;%1&quot; does not verify the broker&apos;s TLS certificate (verify_tls is no): whoever sits between here and %2 can read and change these messages</source>
        <translation>genaiops: Warnung: Profil &quot;%1&quot; prüft das TLS-Zertifikat des Brokers nicht (verify_tls ist no): wer zwischen hier und %2 sitzt, kann diese Nachrichten lesen und ändern</translation>
    </message>
</context>
<context>
    <name>EdgeCommand</name>
    <message>
        <source>edge listen --broker mqtt://HOST:PORT|mqtts://HOST:PORT [--topic FILTER] [--qos 0|1] [--cafile F --cert F --key F --alpn P]
            [--duration S | --count N] [--record NAME] [--json]
edge simulate --broker URL [--topic T] --devices N --rate MSGS_PER_S --duration S [--defect-rate P] [--image-every K]
              [--malformed-every K] [--drift] [--failing-device]
edge replay NAME --broker URL [--speed X]
edge recordings [--delete NAME] [--json]
Add --help after a subcommand for all its options.</source>
        <translation>edge listen --broker mqtt://HOST:PORT|mqtts://HOST:PORT [--topic FILTER] [--qos 0|1] [--cafile F --cert F --key F --alpn P]
            [--duration S | --count N] [--record NAME] [--json]
edge simulate --broker URL [--topic T] --devices N --rate MSGS_PER_S --duration S [--defect-rate P] [--image-every K]
              [--malformed-every K] [--drift] [--failing-device]
edge replay NAME --broker URL [--speed X]
edge recordings [--delete NAME] [--json]
Mit --help nach einem Unterbefehl werden alle seine Optionen angezeigt.</translation>
    </message>
    <message>
        <source>edge: expected one of:
%1</source>
        <translation>edge: erwartet wird einer der folgenden Aufrufe:
%1</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Delete the recording NAME.</source>
        <translation>Die Aufzeichnung NAME löschen.</translation>
    </message>
    <message>
        <source>Deleted the recording &quot;%1&quot;.</source>
        <translation>Aufzeichnung „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>No recordings yet. Record one with: genaiops edge listen --broker URL --record NAME</source>
        <translation>Noch keine Aufzeichnungen vorhanden. Legen Sie eine an mit: genaiops edge listen --broker URL --record NAME</translation>
    </message>
    <message>
        <source>%1  %2 messages  from %3 (%4)  %5</source>
        <translation>%1  %2 Nachrichten  von %3 (%4)  %5</translation>
    </message>
    <message>
        <source>List recorded sessions, or delete one.</source>
        <translation>Aufgezeichnete Sitzungen auflisten oder eine löschen.</translation>
    </message>
</context>
<context>
    <name>EdgeConnectionBar</name>
    <message>
        <source>mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS (AWS IoT Core: mqtts://…-ats.iot.REGION.amazonaws.com:8883)</source>
        <translation>mqtt://HOST:PORT oder mqtts://HOST:PORT für TLS (AWS IoT Core: mqtts://…-ats.iot.REGION.amazonaws.com:8883)</translation>
    </message>
    <message>
        <source>An mqtt profile from Connections: TLS files, user name, and secrets from the OS keyring</source>
        <translation>Ein mqtt-Profil aus „Verbindungen“: TLS-Dateien, Benutzername und Zugangsdaten aus dem Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>Topic filter; + matches one level, # the rest. Separate several with commas.</source>
        <translation>Topic-Filter; + steht für eine Ebene, # für alle übrigen. Mehrere Filter durch Kommas trennen.</translation>
    </message>
    <message>
        <source>QoS 0</source>
        <translation>QoS 0</translation>
    </message>
    <message>
        <source>QoS 1</source>
        <translation>QoS 1</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Kein Profil</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation>
            <numerusform>%n Neuverbindung</numerusform>
            <numerusform>%n Neuverbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s), %1 s offline</source>
        <translation>
            <numerusform>%n Lücke, %1 s ohne Verbindung</numerusform>
            <numerusform>%n Lücken, %1 s ohne Verbindung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgeListenCommand</name>
    <message>
        <source>%1 messages: %2 valid, %3 malformed</source>
        <translation>%1 Nachrichten: %2 gültig, %3 fehlerhaft</translation>
    </message>
    <message>
        <source>  %1  %2 messages  defects %3 %  confidence %4 (low %5)  latency p50 %6 ms p95 %7 ms</source>
        <translation>  %1  %2 Nachrichten  Fehlerquote %3 %  Konfidenz %4 (niedrig %5)  Latenz p50 %6 ms p95 %7 ms</translation>
    </message>
    <message>
        <source>ALERT</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>Subscribe to inspection results and print the fleet&apos;s figures.</source>
        <translation>Prüfergebnisse abonnieren und die Kennzahlen der Flotte ausgeben.</translation>
    </message>
    <message>
        <source>Stop after S seconds.</source>
        <translation>Nach S Sekunden beenden.</translation>
    </message>
    <message>
        <source>Stop after N messages, valid or not.</source>
        <translation>Nach N Nachrichten beenden, gültigen wie ungültigen.</translation>
    </message>
    <message>
        <source>Record the session to the workspace under NAME.</source>
        <translation>Die Sitzung unter NAME im Arbeitsbereich aufzeichnen.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>edge listen takes no positional arguments</source>
        <translation>edge listen erwartet keine Positionsargumente</translation>
    </message>
    <message>
        <source>Recorded %1 messages as &quot;%2&quot;.</source>
        <translation>%1 Nachrichten als „%2“ aufgezeichnet.</translation>
    </message>
    <message>
        <source>Count a payload over BYTES as malformed, unparsed (default %1, AWS IoT Core&apos;s limit; 0: none).</source>
        <translation>Eine Nutzlast über BYTES ungelesen als fehlerhaft zählen (Vorgabe %1, die Grenze von AWS IoT Core; 0: keine).</translation>
    </message>
    <message numerus="yes">
        <source>The broker was out of reach %n time(s), %1 s in all: messages published meanwhile were not received unless the session kept them.</source>
        <translation>
            <numerusform>Der Broker war %n Mal nicht erreichbar, %1 s insgesamt: was in der Zeit veröffentlicht wurde, kam nicht an, außer die Sitzung hat es aufbewahrt.</numerusform>
            <numerusform>Der Broker war %n Mal nicht erreichbar, %1 s insgesamt: was in der Zeit veröffentlicht wurde, kam nicht an, außer die Sitzung hat es aufbewahrt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgeMonitor</name>
    <message>
        <source>Recording stopped: %1</source>
        <translation>Aufzeichnung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Cannot record: %1</source>
        <translation>Aufzeichnung nicht möglich: %1</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiedergabe</translation>
    </message>
</context>
<context>
    <name>EdgePanel</name>
    <message>
        <source>Recorded %1 messages as &quot;%2&quot;.</source>
        <translation>%1 Nachrichten als „%2“ aufgezeichnet.</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Prüfwarteschlange</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Aufzeichnen</translation>
    </message>
    <message>
        <source>Record every message of this session to the workspace, for replay later</source>
        <translation>Alle Nachrichten dieser Sitzung im Arbeitsbereich aufzeichnen, zur späteren Wiedergabe</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation>Alarmregeln…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the statistics, events and alerts so far (the connection stays)</source>
        <translation>Bisherige Statistik, Ereignisse und Alarme verwerfen (die Verbindung bleibt bestehen)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No devices yet&lt;/h3&gt;&lt;p&gt;Enter your broker above and press &lt;b&gt;Connect&lt;/b&gt;; devices appear as their first inspection arrives. For AWS IoT Core, use an mqtt profile with your device certificate (Connections).&lt;/p&gt;&lt;p&gt;No broker at hand? Start a simulated fleet on a local mosquitto.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Geräte&lt;/h3&gt;&lt;p&gt;Geben Sie oben Ihren Broker ein und klicken Sie auf &lt;b&gt;Verbinden&lt;/b&gt;; Geräte erscheinen, sobald ihr erstes Prüfergebnis eintrifft. Verwenden Sie für AWS IoT Core ein mqtt-Profil mit Ihrem Gerätezertifikat (Verbindungen).&lt;/p&gt;&lt;p&gt;Kein Broker zur Hand? Starten Sie eine simulierte Flotte auf einem lokalen mosquitto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start demo fleet</source>
        <translation>Demoflotte starten</translation>
    </message>
    <message>
        <source>No recordings yet: press Record while connected</source>
        <translation>Noch keine Aufzeichnungen: Klicken Sie bei bestehender Verbindung auf „Aufzeichnen“</translation>
    </message>
    <message>
        <source>At recorded pace (1×)</source>
        <translation>Im aufgezeichneten Tempo (1×)</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10× schneller</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>A simulated fleet of 8 devices publishes to a local mosquitto at %1: vqi-cell-01&apos;s model drifts and vqi-cell-08 fails after a few seconds.</source>
        <translation>Eine simulierte Flotte aus 8 Geräten sendet an einen lokalen mosquitto unter %1: Das Modell von vqi-cell-01 driftet, und vqi-cell-08 fällt nach einigen Sekunden aus.</translation>
    </message>
    <message>
        <source>The demo fleet could not start: %1</source>
        <translation>Die Demoflotte konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Record session</source>
        <translation>Sitzung aufzeichnen</translation>
    </message>
    <message>
        <source>Name of the recording:</source>
        <translation>Name der Aufzeichnung:</translation>
    </message>
    <message>
        <source>Replaying &quot;%1&quot;: %2 of %3</source>
        <translation>Wiedergabe von „%1“: %2 von %3</translation>
    </message>
    <message>
        <source>Replay of &quot;%1&quot; finished.</source>
        <translation>Wiedergabe von „%1“ abgeschlossen.</translation>
    </message>
    <message>
        <source>Replaying &quot;%1&quot;…</source>
        <translation>Wiedergabe von „%1“ läuft…</translation>
    </message>
    <message>
        <source>Alerts (%1 active)</source>
        <translation>Alarme (%1 aktiv)</translation>
    </message>
    <message>
        <source>%1 messages · %2 malformed · %3 devices · %4 active alerts</source>
        <translation>%1 Nachrichten · %2 fehlerhaft · %3 Geräte · %4 aktive Alarme</translation>
    </message>
    <message>
        <source>recording &quot;%1&quot;: %2</source>
        <translation>Aufzeichnung „%1“: %2</translation>
    </message>
    <message>
        <source>Malformed (%1)</source>
        <translation>Fehlerhaft (%1)</translation>
    </message>
    <message>
        <source>Both class lists need at least one name; the classes were left as they were.</source>
        <translation>Beide Klassenlisten brauchen mindestens einen Namen; die Klassen bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>EdgePublishCommands</name>
    <message>
        <source>Number of devices (default 4).</source>
        <translation>Anzahl der Geräte (Standard: 4).</translation>
    </message>
    <message>
        <source>Messages per second, whole fleet (default 20).</source>
        <translation>Nachrichten pro Sekunde für die ganze Flotte (Standard: 20).</translation>
    </message>
    <message>
        <source>Seconds to run (default 10; 0 until Ctrl+C).</source>
        <translation>Laufzeit in Sekunden (Standard: 10; 0 bis Ctrl+C).</translation>
    </message>
    <message>
        <source>Share of defective parts (default 0.05).</source>
        <translation>Anteil defekter Teile (Standard: 0.05).</translation>
    </message>
    <message>
        <source>Every Kth message of a device carries an image (default 0: none).</source>
        <translation>Jede K-te Nachricht eines Geräts enthält ein Bild (Standard: 0 = keine).</translation>
    </message>
    <message>
        <source>Every Kth message is malformed on purpose (default 0: none).</source>
        <translation>Jede K-te Nachricht ist absichtlich fehlerhaft (Standard: 0 = keine).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Startwert des Zufallsgenerators (Standard: 1).</translation>
    </message>
    <message>
        <source>The first device&apos;s confidence sinks over time.</source>
        <translation>Die Konfidenz des ersten Geräts sinkt mit der Zeit.</translation>
    </message>
    <message>
        <source>The last device fails: defects, slow inference, then silence.</source>
        <translation>Das letzte Gerät fällt aus: Defekte, langsame Inferenz, dann Funkstille.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>--defect-rate is a share between 0 and 1</source>
        <translation>--defect-rate ist ein Anteil zwischen 0 und 1</translation>
    </message>
    <message>
        <source>Published %1 messages (%2 malformed on purpose, %3 failed) from %4 devices to %5 in %6 s.</source>
        <translation>%1 Nachrichten (%2 absichtlich fehlerhaft, %3 fehlgeschlagen) von %4 Geräten in %6 s an %5 veröffentlicht.</translation>
    </message>
    <message>
        <source>1, 10 … times the recorded pace; 0 as fast as possible (default 1).</source>
        <translation>1, 10 … = Vielfaches des aufgezeichneten Tempos; 0 = so schnell wie möglich (Standard: 1).</translation>
    </message>
    <message>
        <source>The recording (see `genaiops edge recordings`).</source>
        <translation>Die Aufzeichnung (siehe `genaiops edge recordings`).</translation>
    </message>
    <message>
        <source>edge replay: expected one recording NAME</source>
        <translation>edge replay: genau ein Aufzeichnungsname NAME erwartet</translation>
    </message>
    <message>
        <source>Replayed %1 of %2 messages from &quot;%3&quot; to %4.</source>
        <translation>%1 von %2 Nachrichten aus „%3“ an %4 wiedergegeben.</translation>
    </message>
    <message>
        <source>Publish the inspection results of a simulated fleet.</source>
        <translation>Die Prüfergebnisse einer simulierten Flotte veröffentlichen.</translation>
    </message>
    <message>
        <source>Publish a recorded session again, at its own pace or faster.</source>
        <translation>Eine aufgezeichnete Sitzung erneut veröffentlichen, im eigenen Tempo oder schneller.</translation>
    </message>
</context>
<context>
    <name>EvalCharts</name>
    <message>
        <source>Distribution of %1</source>
        <translation>Verteilung von %1</translation>
    </message>
    <message>
        <source>score (bin start)</source>
        <translation>Bewertung (Intervallbeginn)</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 of %2 items shown; click a point to open it.</source>
        <translation>%1 von %2 Einträgen angezeigt; klicken Sie auf einen Punkt, um den Eintrag zu öffnen.</translation>
    </message>
    <message>
        <source>Click a point to open the item.</source>
        <translation>Klicken Sie auf einen Punkt, um den Eintrag zu öffnen.</translation>
    </message>
    <message>
        <source>Needs two metrics.</source>
        <translation>Dafür sind zwei Metriken erforderlich.</translation>
    </message>
    <message>
        <source>pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>share of items</source>
        <translation>Anteil der Einträge</translation>
    </message>
    <message>
        <source>run (oldest → newest)</source>
        <translation>Durchlauf (ältester → neuester)</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Pass rate against thresholds (95% CI)</source>
        <translation>Bestehensquote je Schwellenwert (95-%-KI)</translation>
    </message>
    <message>
        <source>Run means over time, 95% CI band (same dataset)</source>
        <translation>Mittelwerte der Durchläufe im Zeitverlauf, 95-%-KI-Band (gleicher Datensatz)</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n items…</source>
        <translation>
            <numerusform>%n Eintrag wird geladen …</numerusform>
            <numerusform>%n Einträge werden geladen …</numerusform>
        </translation>
    </message>
    <message>
        <source>guardrail let through&lt;br&gt;%1 (%2 intervened)</source>
        <translation>vom Guardrail durchgelassen&lt;br&gt;%1 (Eingriffe: %2)</translation>
    </message>
</context>
<context>
    <name>EvalCommand</name>
    <message>
        <source>expected one RUN_ID (see `genaiops eval list`)</source>
        <translation>genau eine RUN_ID erwartet (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>  lexical</source>
        <translation>  lexikalisch</translation>
    </message>
    <message>
        <source>eval: expected one of:
%1</source>
        <translation>eval: erwartet wird einer der folgenden Aufrufe:
%1</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>eval list takes no arguments</source>
        <translation>eval list erwartet keine Argumente</translation>
    </message>
    <message>
        <source>gates passed</source>
        <translation>Gates bestanden</translation>
    </message>
    <message>
        <source>gates FAILED</source>
        <translation>Gates NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>No evaluation runs yet. Start one with: genaiops eval run --dataset FILE</source>
        <translation>Noch keine Evaluierungsdurchläufe vorhanden. Starten Sie einen mit: genaiops eval run --dataset FILE</translation>
    </message>
    <message>
        <source>Print one JSON object, with every item.</source>
        <translation>Ein einzelnes JSON-Objekt mit allen Einträgen ausgeben.</translation>
    </message>
    <message>
        <source>  skipped line %1: %2</source>
        <translation>  Zeile %1 übersprungen: %2</translation>
    </message>
    <message>
        <source>Input format: bedrock.</source>
        <translation>Eingabeformat: bedrock.</translation>
    </message>
    <message>
        <source>Run name.</source>
        <translation>Name des Durchlaufs.</translation>
    </message>
    <message>
        <source>eval import: --format bedrock is required (the only format so far)</source>
        <translation>eval import: --format bedrock ist erforderlich (bisher das einzige Format)</translation>
    </message>
    <message>
        <source>eval import: give exactly one FILE</source>
        <translation>eval import: genau ein FILE-Argument erwartet</translation>
    </message>
    <message>
        <source>csv, jsonl or html.</source>
        <translation>csv, jsonl oder html.</translation>
    </message>
    <message>
        <source>File to write.</source>
        <translation>Zieldatei.</translation>
    </message>
    <message>
        <source>eval export: --format must be csv, jsonl or html</source>
        <translation>eval export: --format muss csv, jsonl oder html sein</translation>
    </message>
    <message>
        <source>eval export: --out FILE is required</source>
        <translation>eval export: --out FILE ist erforderlich</translation>
    </message>
    <message>
        <source>Run %1 &quot;%2&quot;: %3, %4 of %5 items scored, %6 failed, %7 tokens, $%8</source>
        <translation>Durchlauf %1 „%2“: %3, %4 von %5 Einträgen bewertet, %6 fehlgeschlagen, %7 Token, %8 $</translation>
    </message>
    <message>
        <source>FAILED, %1</source>
        <translation>NICHT BESTANDEN, %1</translation>
    </message>
    <message>
        <source>List the evaluation runs, newest first.</source>
        <translation>Die Evaluationsdurchläufe auflisten, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>Show a run&apos;s figures and gates; with --json, every item too.</source>
        <translation>Kennzahlen und Gates eines Durchlaufs anzeigen; mit --json auch jeden Eintrag.</translation>
    </message>
    <message>
        <source>The run (see `genaiops eval list`).</source>
        <translation>Der Durchlauf (siehe `genaiops eval list`).</translation>
    </message>
    <message>
        <source>Import Amazon Bedrock evaluation output as a run.</source>
        <translation>Eine Amazon-Bedrock-Evaluationsausgabe als Durchlauf importieren.</translation>
    </message>
    <message>
        <source>The Bedrock output (JSONL).</source>
        <translation>Die Bedrock-Ausgabe (JSONL).</translation>
    </message>
    <message>
        <source>Write a run as CSV, JSONL or a self-contained HTML report.</source>
        <translation>Einen Durchlauf als CSV, JSONL oder eigenständigen HTML-Bericht schreiben.</translation>
    </message>
    <message>
        <source>, clustered by %1: %2 groups</source>
        <translation>, geclustert nach %1: %2 Gruppen</translation>
    </message>
    <message>
        <source>passed (%1)</source>
        <translation>bestanden (%1)</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>      variance: %1 between items, %2 between generations, %3 between judge calls; %4 unstable items</source>
        <translation>      Varianz: %1 zwischen Einträgen, %2 zwischen Generierungen, %3 zwischen Judge-Aufrufen; %4 instabile Einträge</translation>
    </message>
    <message>
        <source>eval run --dataset FILE [--responses-from-dataset | provider flags] [--metrics …] [judge flags] [--concurrency N] [--name NAME] [--gate METRIC&gt;=X]... [--junit FILE] [--json]
eval resume RUN_ID [--retry-errors] [--junit FILE] [--json]
eval list [--json]
eval show RUN_ID [--json]
eval import --format bedrock FILE [--name NAME] [--json]
eval export RUN_ID --format csv|jsonl|html --out FILE
eval compare RUN_A RUN_B [--metric M]... [--json]
eval plan --sd S --effect D [--power 0.8] [--alpha 0.05] [--json]
eval label RUN_ID ITEM --metric M --pass|--fail|--score X [--comment C] [--as USER]
eval labels RUN_ID [--export FILE] [--json] | eval labels --import FILE [--run RUN_ID]
eval agreement RUN_ID [--json]
Add --help after a subcommand for all its options.</source>
        <translation>eval run --dataset FILE [--responses-from-dataset | provider flags] [--metrics …] [judge flags] [--concurrency N] [--name NAME] [--gate METRIC&gt;=X]... [--junit FILE] [--json]
eval resume RUN_ID [--retry-errors] [--junit FILE] [--json]
eval list [--json]
eval show RUN_ID [--json]
eval import --format bedrock FILE [--name NAME] [--json]
eval export RUN_ID --format csv|jsonl|html --out FILE
eval compare RUN_A RUN_B [--metric M]... [--json]
eval plan --sd S --effect D [--power 0.8] [--alpha 0.05] [--json]
eval label RUN_ID ITEM --metric M --pass|--fail|--score X [--comment C] [--as USER]
eval labels RUN_ID [--export FILE] [--json] | eval labels --import FILE [--run RUN_ID]
eval agreement RUN_ID [--json]
Mit --help nach einem Unterbefehl werden alle seine Optionen angezeigt.</translation>
    </message>
    <message>
        <source>  items with errors (a failed generation or judge call): %1; score them again with `genaiops eval resume %2 --retry-errors`</source>
        <translation>  Einträge mit Fehlern (eine fehlgeschlagene Generierung oder Judge-Anfrage): %1; erneut bewerten mit `genaiops eval resume %2 --retry-errors`</translation>
    </message>
    <message numerus="yes">
        <source>  %n without a score</source>
        <translation>
            <numerusform>  %n ohne Bewertung</numerusform>
            <numerusform>  %n ohne Bewertung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCompareCommand</name>
    <message>
        <source>Compare two runs item by item: per metric the mean difference (B − A) with its paired 95 % interval and p-value, and a verdict (better, worse, or no difference detectable at this size) after Holm&apos;s correction across the metrics.</source>
        <translation>Zwei Durchläufe Eintrag für Eintrag vergleichen: je Metrik die mittlere Differenz (B − A) mit ihrem gepaarten 95-%-Konfidenzintervall und p-Wert sowie ein Befund (besser, schlechter oder bei diesem Umfang kein Unterschied nachweisbar) nach Holm-Korrektur über alle Metriken.</translation>
    </message>
    <message>
        <source>The baseline run.</source>
        <translation>Der Basisdurchlauf.</translation>
    </message>
    <message>
        <source>The run compared with it.</source>
        <translation>Der damit verglichene Durchlauf.</translation>
    </message>
    <message>
        <source>Compare only this metric (repeatable).</source>
        <translation>Nur diese Metrik vergleichen (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>eval compare: expected RUN_A RUN_B (see `genaiops eval list`)</source>
        <translation>eval compare: RUN_A RUN_B erwartet (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>Run %1 &quot;%2&quot; (A) against run %3 &quot;%4&quot; (B): %5 items paired by %6</source>
        <translation>Durchlauf %1 „%2“ (A) gegen Durchlauf %3 „%4“ (B): %5 Einträge gepaart nach %6</translation>
    </message>
    <message>
        <source>  left out, in one run only: %1 of A (%2), %3 of B (%4)</source>
        <translation>  nicht berücksichtigt, nur in einem Durchlauf: %1 von A (%2), %3 von B (%4)</translation>
    </message>
    <message>
        <source>  the runs share no metric</source>
        <translation>  die Durchläufe haben keine gemeinsame Metrik</translation>
    </message>
    <message>
        <source>How many items an evaluation needs to detect a difference of --effect, given the standard deviation of the per-item differences (--sd), for a two-sided paired test.</source>
        <translation>Wie viele Einträge eine Evaluierung braucht, um bei gegebener Standardabweichung der Differenzen je Eintrag (--sd) einen Unterschied von --effect nachzuweisen, für einen zweiseitigen gepaarten Test.</translation>
    </message>
    <message>
        <source>Standard deviation of the per-item score differences, e.g. 0.15.</source>
        <translation>Standardabweichung der Bewertungsdifferenzen je Eintrag, z. B. 0.15.</translation>
    </message>
    <message>
        <source>The difference worth detecting, e.g. 0.03.</source>
        <translation>Der Unterschied, der nachgewiesen werden soll, z. B. 0.03.</translation>
    </message>
    <message>
        <source>Chance of detecting it (default 0.8).</source>
        <translation>Wahrscheinlichkeit, ihn nachzuweisen (Standard: 0.8).</translation>
    </message>
    <message>
        <source>False-alarm rate (default 0.05).</source>
        <translation>Fehlalarmrate (Standard: 0.05).</translation>
    </message>
    <message>
        <source>eval plan takes no arguments</source>
        <translation>eval plan erwartet keine Argumente</translation>
    </message>
    <message>
        <source>eval plan: --sd S and --effect D are required</source>
        <translation>eval plan: --sd S und --effect D sind erforderlich</translation>
    </message>
    <message>
        <source>--sd expects a number &gt; 0, got &quot;%1&quot;</source>
        <translation>--sd erwartet eine Zahl &gt; 0, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--effect expects a number &gt; 0, got &quot;%1&quot;</source>
        <translation>--effect erwartet eine Zahl &gt; 0, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--power expects a number between 0 and 1, got &quot;%1&quot;</source>
        <translation>--power erwartet eine Zahl zwischen 0 und 1, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--alpha expects a number between 0 and 1, got &quot;%1&quot;</source>
        <translation>--alpha erwartet eine Zahl zwischen 0 und 1, erhalten: „%1“</translation>
    </message>
    <message>
        <source>%1 items: a paired comparison of that many finds a difference of %2 (per-item SD %3) with probability %4 at α %5.</source>
        <translation>%1 Einträge: Ein gepaarter Vergleich mit so vielen Einträgen findet einen Unterschied von %2 (SD je Eintrag %3) mit Wahrscheinlichkeit %4 bei α %5.</translation>
    </message>
</context>
<context>
    <name>EvalItemFields</name>
    <message>
        <source>no question (expected user_input, question or query)</source>
        <translation>keine Frage (erwartet: user_input, question oder query)</translation>
    </message>
</context>
<context>
    <name>EvalLabelCommand</name>
    <message>
        <source>--as needs a user name</source>
        <translation>--as benötigt einen Benutzernamen</translation>
    </message>
    <message>
        <source>  %1  %2 (%3 labels by %4)</source>
        <translation>  %1  %2 (%3 Labels von %4)</translation>
    </message>
    <message>
        <source>      judge × people: pass/pass %1, pass/fail %2, fail/pass %3, fail/fail %4 (threshold %5)</source>
        <translation>      Judge × Menschen: bestanden/bestanden %1, bestanden/nicht bestanden %2, nicht bestanden/bestanden %3, nicht bestanden/nicht bestanden %4 (Schwellenwert %5)</translation>
    </message>
    <message>
        <source>      judge bias %1; judged mean %2 (n %3), corrected %4 %5, labels alone %6 %7</source>
        <translation>      Judge-Verzerrung %1; Judge-Mittelwert %2 (n %3), korrigiert %4 %5, nur Labels %6 %7</translation>
    </message>
    <message>
        <source>      the labelled items were not all drawn at random, so the corrected mean may lean towards the items chosen</source>
        <translation>      die gelabelten Einträge wurden nicht alle zufällig gezogen, daher kann der korrigierte Mittelwert zu den ausgewählten Einträgen hin verzerrt sein</translation>
    </message>
    <message>
        <source>      %1 labelled item(s) left out: the judge gave them no score</source>
        <translation>      nicht berücksichtigte gelabelte Einträge: %1 (vom Judge-Modell nicht bewertet)</translation>
    </message>
    <message>
        <source>      %1 × %2: κ %3 %4 on %5 shared items, agreement %6 %</source>
        <translation>      %1 × %2: κ %3 %4 bei %5 gemeinsamen Einträgen, Übereinstimmung %6 %</translation>
    </message>
    <message>
        <source>Label one item of a run for one judged metric: pass, fail or a score from 0 to 1. Labelling again replaces your earlier label of that item and metric.</source>
        <translation>Einen Eintrag eines Durchlaufs für eine Judge-Metrik labeln: bestanden, nicht bestanden oder eine Bewertung von 0 bis 1. Erneutes Labeln ersetzt Ihr früheres Label für diesen Eintrag und diese Metrik.</translation>
    </message>
    <message>
        <source>The run (see `genaiops eval list`).</source>
        <translation>Der Durchlauf (siehe `genaiops eval list`).</translation>
    </message>
    <message>
        <source>The item&apos;s index, as `eval show --json` and the exports give it.</source>
        <translation>Der Index des Eintrags, wie ihn `eval show --json` und die Exporte angeben.</translation>
    </message>
    <message>
        <source>The judged metric, e.g. faithfulness.</source>
        <translation>Die Judge-Metrik, z. B. faithfulness.</translation>
    </message>
    <message>
        <source>The item passes.</source>
        <translation>Der Eintrag besteht.</translation>
    </message>
    <message>
        <source>The item fails.</source>
        <translation>Der Eintrag besteht nicht.</translation>
    </message>
    <message>
        <source>Your score from 0 to 1.</source>
        <translation>Ihre Bewertung von 0 bis 1.</translation>
    </message>
    <message>
        <source>Why.</source>
        <translation>Begründung.</translation>
    </message>
    <message>
        <source>Label as this user (default: the login name).</source>
        <translation>Als dieser Benutzer labeln (Standard: der Anmeldename).</translation>
    </message>
    <message>
        <source>Print the stored label as JSON.</source>
        <translation>Das gespeicherte Label als JSON ausgeben.</translation>
    </message>
    <message>
        <source>eval label: expected RUN_ID ITEM, e.g. `eval label 3 17 --metric faithfulness --fail`</source>
        <translation>eval label: RUN_ID ITEM erwartet, z. B. `eval label 3 17 --metric faithfulness --fail`</translation>
    </message>
    <message>
        <source>eval label: --metric is required</source>
        <translation>eval label: --metric ist erforderlich</translation>
    </message>
    <message>
        <source>eval label: give exactly one of --pass, --fail or --score X</source>
        <translation>eval label: geben Sie genau eine der Optionen --pass, --fail oder --score X an</translation>
    </message>
    <message>
        <source>eval label: --score must be from 0 to 1</source>
        <translation>eval label: --score muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>the judge has not scored it</source>
        <translation>das Judge-Modell hat ihn nicht bewertet</translation>
    </message>
    <message>
        <source>the judge said %1 (%2)</source>
        <translation>das Judge-Modell bewertete ihn mit %1 (%2)</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>Labelled item %1 of run %2, %3: %4 by %5; %6</source>
        <translation>Eintrag %1 von Durchlauf %2 gelabelt, %3: %4 von %5; %6</translation>
    </message>
    <message>
        <source>List a run&apos;s labels, or move them as JSONL: `eval labels RUN_ID`, `eval labels RUN_ID --export FILE`, `eval labels --import FILE [--run RUN_ID]`.</source>
        <translation>Die Labels eines Durchlaufs auflisten oder als JSONL übertragen: `eval labels RUN_ID`, `eval labels RUN_ID --export FILE`, `eval labels --import FILE [--run RUN_ID]`.</translation>
    </message>
    <message>
        <source>Write the run&apos;s labels to FILE (JSONL).</source>
        <translation>Die Labels des Durchlaufs in FILE schreiben (JSONL).</translation>
    </message>
    <message>
        <source>Store the labels of FILE (JSONL); all or nothing.</source>
        <translation>Die Labels aus FILE (JSONL) speichern; alle oder keines.</translation>
    </message>
    <message>
        <source>With --import: store every label on this run, whatever run the file names.</source>
        <translation>Mit --import: jedes Label in diesem Durchlauf speichern, unabhängig davon, welchen Durchlauf die Datei nennt.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>eval labels --import FILE takes no RUN_ID (use --run to choose the run)</source>
        <translation>eval labels --import FILE nimmt keine RUN_ID an (wählen Sie den Durchlauf mit --run)</translation>
    </message>
    <message>
        <source>eval labels: --run expects a RUN_ID</source>
        <translation>eval labels: --run erwartet eine RUN_ID</translation>
    </message>
    <message>
        <source>Imported %1 label(s) from %2</source>
        <translation>%1 Label(s) aus %2 importiert</translation>
    </message>
    <message>
        <source>eval labels: expected one RUN_ID, or --import FILE</source>
        <translation>eval labels: eine RUN_ID oder --import FILE erwartet</translation>
    </message>
    <message>
        <source>Wrote %1 label(s) of run %2 to %3</source>
        <translation>%1 Label(s) von Durchlauf %2 nach %3 geschrieben</translation>
    </message>
    <message>
        <source>Run %1 has no labels yet. Label items in the Evaluations panel&apos;s review queue, or with `genaiops eval label %1 ITEM --metric M --pass|--fail`.</source>
        <translation>Durchlauf %1 hat noch keine Labels. Labeln Sie Einträge in der Prüfwarteschlange des Bereichs „Evaluierungen“ oder mit `genaiops eval label %1 ITEM --metric M --pass|--fail`.</translation>
    </message>
    <message>
        <source>How far the judge agrees with people&apos;s labels, per judged metric: Cohen&apos;s κ with its bootstrap interval, raw agreement, the confusion of verdicts, the judge&apos;s bias, κ between reviewers, and the judged mean corrected by prediction-powered inference.</source>
        <translation>Wie weit das Judge-Modell mit menschlichen Labels übereinstimmt, je Judge-Metrik: Cohens κ mit Bootstrap-Intervall, einfache Übereinstimmung, die Konfusionsmatrix der Urteile, die Verzerrung des Judge-Modells, κ zwischen Prüfern und der durch Prediction-Powered Inference korrigierte Judge-Mittelwert.</translation>
    </message>
    <message>
        <source>eval agreement: expected one RUN_ID (see `genaiops eval list`)</source>
        <translation>eval agreement: eine RUN_ID erwartet (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>Run %1 has no labels of a judged metric yet, so the judge&apos;s agreement with people is not known. Label items with `genaiops eval label %1 ITEM --metric M --pass|--fail`.</source>
        <translation>Durchlauf %1 hat noch keine Labels für eine Judge-Metrik, daher ist die Übereinstimmung des Judge-Modells mit Menschen unbekannt. Labeln Sie Einträge mit `genaiops eval label %1 ITEM --metric M --pass|--fail`.</translation>
    </message>
    <message>
        <source>Run %1: the judge against people&apos;s labels</source>
        <translation>Durchlauf %1: das Judge-Modell im Vergleich zu menschlichen Labels</translation>
    </message>
    <message>
        <source>--as is refused in a team workspace: you label as the database role you logged in with (%1)</source>
        <translation>--as wird in einem Team-Arbeitsbereich abgelehnt: Sie bewerten als die Datenbankrolle, mit der Sie angemeldet sind (%1)</translation>
    </message>
</context>
<context>
    <name>EvalRunCommand</name>
    <message>
        <source>the run was cancelled; resume it with `genaiops eval resume %1`</source>
        <translation>der Durchlauf wurde abgebrochen; setzen Sie ihn mit `genaiops eval resume %1` fort</translation>
    </message>
    <message>
        <source>Write a JUnit XML file with a test case per gate.</source>
        <translation>Eine JUnit-XML-Datei mit einem Testfall pro Gate schreiben.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Also score again the items that failed.</source>
        <translation>Fehlgeschlagene Einträge ebenfalls erneut bewerten.</translation>
    </message>
    <message>
        <source>eval resume: expected one RUN_ID</source>
        <translation>eval resume: genau eine RUN_ID erwartet</translation>
    </message>
    <message>
        <source>no evaluation run %1 (see `genaiops eval list`)</source>
        <translation>kein Evaluierungsdurchlauf %1 (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>run %1 was imported; there is nothing to resume</source>
        <translation>Durchlauf %1 wurde importiert; es gibt nichts fortzusetzen</translation>
    </message>
    <message>
        <source>Run a golden dataset through a model, or score the responses it brings, and check quality gates. Exit 1 when a gate fails.</source>
        <translation>Einen Golden-Datensatz durch ein Modell laufen lassen oder die mitgebrachten Antworten bewerten und Quality Gates prüfen. Exit-Code 1, wenn ein Gate fehlschlägt.</translation>
    </message>
    <message>
        <source>Finish a run that was cancelled or killed: only the items without a result are done.</source>
        <translation>Einen abgebrochenen oder beendeten Durchlauf fertigstellen: nur Einträge ohne Ergebnis werden bearbeitet.</translation>
    </message>
    <message>
        <source>The run (see `genaiops eval list`).</source>
        <translation>Der Durchlauf (siehe `genaiops eval list`).</translation>
    </message>
    <message>
        <source>the run failed</source>
        <translation>der Durchlauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the guardrail&apos;s AWS connection: %1</source>
        <translation>die AWS-Verbindung des Guardrails: %1</translation>
    </message>
</context>
<context>
    <name>EvalRunOptions</name>
    <message>
        <source>Golden dataset (JSONL or CSV).</source>
        <translation>Golden Dataset (JSONL oder CSV).</translation>
    </message>
    <message>
        <source>Score the responses the dataset brings.</source>
        <translation>Die im Datensatz enthaltenen Antworten bewerten.</translation>
    </message>
    <message>
        <source>lexical, judge, or metric names, comma-separated.</source>
        <translation>lexical, judge oder Metriknamen, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Items in flight at once (default 8).</source>
        <translation>Anzahl gleichzeitig bearbeiteter Einträge (Standard: 8).</translation>
    </message>
    <message>
        <source>Run name.</source>
        <translation>Name des Durchlaufs.</translation>
    </message>
    <message>
        <source>Quality gate on a metric&apos;s mean, e.g. faithfulness&gt;=0.8 (repeatable).</source>
        <translation>Quality Gate auf den Mittelwert einer Metrik, z. B. faithfulness&gt;=0.8 (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Pass threshold for a metric, e.g. relevance=0.6 (repeatable).</source>
        <translation>Schwellenwert, ab dem ein Eintrag eine Metrik besteht, z. B. relevance=0.6 (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Seconds one item may take (default 120).</source>
        <translation>Höchstdauer pro Eintrag in Sekunden (Standard: 120).</translation>
    </message>
    <message>
        <source>Write a JUnit XML file with a test case per gate.</source>
        <translation>Eine JUnit-XML-Datei mit einem Testfall pro Gate schreiben.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Dataset field that groups items (e.g. their source document): standard errors are clustered by it.</source>
        <translation>Datensatzfeld, das Einträge gruppiert (z. B. nach ihrem Quelldokument): Die Standardfehler werden danach geclustert.</translation>
    </message>
    <message>
        <source>Run that METRIC:no-regression gates compare with, item by item.</source>
        <translation>Durchlauf, mit dem Gates der Form METRIC:no-regression Eintrag für Eintrag vergleichen.</translation>
    </message>
    <message>
        <source>Generations per item (default 1); figures use each item&apos;s mean.</source>
        <translation>Generierungen pro Eintrag (Standard: 1); die Kennzahlen verwenden den Mittelwert jedes Eintrags.</translation>
    </message>
    <message>
        <source>Judge calls per response and judge metric (default 1).</source>
        <translation>Judge-Aufrufe pro Antwort und Judge-Metrik (Standard: 1).</translation>
    </message>
    <message>
        <source>eval run: unexpected argument &quot;%1&quot;</source>
        <translation>eval run: unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>eval run: --dataset FILE is required</source>
        <translation>eval run: --dataset FILE ist erforderlich</translation>
    </message>
    <message>
        <source>eval run: choose either --responses-from-dataset or provider flags, not both</source>
        <translation>eval run: wählen Sie entweder --responses-from-dataset oder Anbieteroptionen, nicht beides</translation>
    </message>
    <message>
        <source>--repeats needs a model to generate responses (provider flags); a dataset&apos;s own responses are the same every time</source>
        <translation>--repeats benötigt ein Modell, das die Antworten erzeugt (Anbieteroptionen); die im Datensatz enthaltenen Antworten sind jedes Mal dieselben</translation>
    </message>
    <message>
        <source>judge metrics need a judge model: --judge-provider … --judge-model … (or --metrics lexical)</source>
        <translation>Judge-Metriken benötigen ein Judge-Modell: --judge-provider … --judge-model … (oder --metrics lexical)</translation>
    </message>
    <message>
        <source>--judge-repeats needs a judge metric (faithfulness or relevance)</source>
        <translation>--judge-repeats benötigt eine Judge-Metrik (faithfulness oder relevance)</translation>
    </message>
    <message>
        <source>--concurrency expects 1 to 256</source>
        <translation>--concurrency erwartet einen Wert von 1 bis 256</translation>
    </message>
    <message>
        <source>--item-timeout expects seconds &gt; 0</source>
        <translation>--item-timeout erwartet eine Sekundenzahl &gt; 0</translation>
    </message>
    <message>
        <source>--%1 expects 1 to 20</source>
        <translation>--%1 erwartet einen Wert von 1 bis 20</translation>
    </message>
    <message>
        <source>--baseline expects a RUN_ID (see `genaiops eval list`)</source>
        <translation>--baseline erwartet eine RUN_ID (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>a METRIC:no-regression gate needs --baseline RUN_ID to compare with</source>
        <translation>ein Gate der Form METRIC:no-regression benötigt --baseline RUN_ID als Vergleichsbasis</translation>
    </message>
    <message>
        <source>--threshold expects METRIC=X with X from 0 to 1, got &quot;%1&quot;</source>
        <translation>--threshold erwartet METRIC=X mit X von 0 bis 1, erhalten: „%1“</translation>
    </message>
    <message>
        <source>System prompt for generating responses (default: answer from the contexts only).</source>
        <translation>Systemprompt zum Erzeugen der Antworten (Standard: nur aus den Kontexten antworten).</translation>
    </message>
    <message>
        <source>Temperature for generating responses (default: the model&apos;s).</source>
        <translation>Temperatur zum Erzeugen der Antworten (Standard: die des Modells).</translation>
    </message>
    <message>
        <source>Token limit of a generated response (default 1024).</source>
        <translation>Token-Grenze einer erzeugten Antwort (Standard 1024).</translation>
    </message>
    <message>
        <source>--%1 needs a model to generate responses (provider flags)</source>
        <translation>--%1 braucht ein Modell, das Antworten erzeugt (Anbieter-Optionen)</translation>
    </message>
    <message>
        <source>--temperature expects 0 to 2</source>
        <translation>--temperature erwartet 0 bis 2</translation>
    </message>
    <message>
        <source>--max-tokens expects 1 to 200000</source>
        <translation>--max-tokens erwartet 1 bis 200000</translation>
    </message>
    <message>
        <source>Skip a dataset line longer than BYTES, naming it (default %1; 0: no limit).</source>
        <translation>Eine Datensatzzeile über BYTES überspringen und nennen (Vorgabe %1; 0: keine Grenze).</translation>
    </message>
    <message>
        <source>What the guardrail checks: input (the question), output (the response), or input,output (default).</source>
        <translation>Was der Guardrail prüft: input (die Frage), output (die Antwort) oder input,output (Standard).</translation>
    </message>
    <message>
        <source>--retrieve-only needs a Knowledge Base: --provider bedrock-kb --knowledge-base ID</source>
        <translation>--retrieve-only benötigt eine Knowledge Base: --provider bedrock-kb --knowledge-base ID</translation>
    </message>
    <message>
        <source>--guard needs a guardrail: --guardrail ID:VERSION</source>
        <translation>--guard benötigt einen Guardrail: --guardrail ID:VERSION</translation>
    </message>
    <message>
        <source>--guard expects input, output or input,output, not &quot;%1&quot;</source>
        <translation>--guard erwartet input, output oder input,output, nicht „%1“</translation>
    </message>
    <message>
        <source>--guard expects input, output or input,output</source>
        <translation>--guard erwartet input, output oder input,output</translation>
    </message>
    <message>
        <source>unknown metric &quot;%1&quot; in --metrics (use lexical, judge, retrieval, or names: %2)</source>
        <translation>unbekannte Metrik „%1“ in --metrics (verwenden Sie lexical, judge, retrieval oder Metriknamen: %2)</translation>
    </message>
    <message>
        <source>Bedrock Runtime endpoint for ApplyGuardrail, when --endpoint-url names another (a Knowledge Base&apos;s agent runtime).</source>
        <translation>Bedrock-Runtime-Endpunkt für ApplyGuardrail, wenn --endpoint-url einen anderen nennt (die Agent Runtime einer Knowledge Base).</translation>
    </message>
</context>
<context>
    <name>EvalRunRepository</name>
    <message>
        <source>there is no dataset with id %1</source>
        <translation>es gibt keinen Datensatz mit der ID %1</translation>
    </message>
    <message>
        <source>there is no evaluation run with id %1</source>
        <translation>es gibt keinen Evaluierungsdurchlauf mit der ID %1</translation>
    </message>
    <message>
        <source>two scores for metric %1</source>
        <translation>zwei Bewertungen für die Metrik %1</translation>
    </message>
    <message>
        <source>run %1, item %2</source>
        <translation>Durchlauf %1, Eintrag %2</translation>
    </message>
    <message>
        <source>there is no evaluation run %1 (see `genaiops eval list`)</source>
        <translation>es gibt keinen Evaluierungsdurchlauf %1 (siehe `genaiops eval list`)</translation>
    </message>
</context>
<context>
    <name>EvalRunner</name>
    <message>
        <source>there is no run %1 in the workspace</source>
        <translation>im Arbeitsbereich gibt es keinen Durchlauf %1</translation>
    </message>
    <message>
        <source>run %1 was imported with its scores; there is nothing to run</source>
        <translation>Durchlauf %1 wurde mitsamt Bewertungen importiert; es gibt nichts auszuführen</translation>
    </message>
    <message>
        <source>unknown metric &quot;%1&quot;</source>
        <translation>unbekannte Metrik „%1“</translation>
    </message>
    <message>
        <source>the run generates its responses, but no model to generate them was given</source>
        <translation>der Durchlauf erzeugt seine Antworten selbst, es wurde aber kein Modell dafür angegeben</translation>
    </message>
    <message>
        <source>the run has judge metrics, but no judge model was given</source>
        <translation>der Durchlauf enthält Judge-Metriken, es wurde aber kein Judge-Modell angegeben</translation>
    </message>
    <message>
        <source>could not read the dataset&apos;s items: %1</source>
        <translation>die Einträge des Datensatzes konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>could not store the run&apos;s status: %1</source>
        <translation>der Status des Durchlaufs konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>could not store the results of %1 finished items: %2</source>
        <translation>die Ergebnisse von %1 fertigen Einträgen konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>Durchlauf %1: %2</translation>
    </message>
    <message>
        <source>the run goes through the guardrail %1, but no AWS connection for it was given</source>
        <translation>der Durchlauf läuft über den Guardrail %1, es wurde dafür aber keine AWS-Verbindung angegeben</translation>
    </message>
</context>
<context>
    <name>EvaluationsPanel</name>
    <message>
        <source>New run…</source>
        <translation>Neuer Durchlauf…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the run where it stopped; failed items are retried too</source>
        <translation>Den Durchlauf dort fortsetzen, wo er angehalten hat; fehlgeschlagene Einträge werden ebenfalls wiederholt</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No evaluation runs yet&lt;/h3&gt;&lt;p&gt;Start one with &lt;b&gt;New run…&lt;/b&gt;: pick a golden dataset (JSONL or CSV with Ragas or Bedrock field names), score the responses it brings or generate them with a model, and judge them for faithfulness and relevance. Or import an Amazon Bedrock evaluation output.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Evaluierungsdurchläufe&lt;/h3&gt;&lt;p&gt;Starten Sie einen mit &lt;b&gt;Neuer Durchlauf…&lt;/b&gt;: Wählen Sie ein Golden Dataset (JSONL oder CSV mit Feldnamen von Ragas oder Bedrock), bewerten Sie die darin enthaltenen Antworten oder erzeugen Sie sie mit einem Modell und lassen Sie sie von einem Judge-Modell auf faithfulness und relevance prüfen. Oder importieren Sie eine Evaluierungsausgabe von Amazon Bedrock.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A run is already in progress; cancel it or wait for it to finish.</source>
        <translation>Es läuft bereits ein Durchlauf; brechen Sie ihn ab oder warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The run no longer exists.</source>
        <translation>Der Durchlauf existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Evaluation run started.</source>
        <translation>Evaluierungsdurchlauf gestartet.</translation>
    </message>
    <message>
        <source>Judge agreement</source>
        <translation>Judge-Übereinstimmung</translation>
    </message>
    <message>
        <source>Judge agreement ⚠</source>
        <translation>Judge-Übereinstimmung ⚠</translation>
    </message>
    <message>
        <source>The judge is not trustworthy for %1 on this run: κ&apos;s lower bound is under 0.6.</source>
        <translation>Das Judge-Modell ist in diesem Durchlauf für %1 nicht vertrauenswürdig: Die Untergrenze von κ liegt unter 0,6.</translation>
    </message>
    <message>
        <source>Show agreement</source>
        <translation>Übereinstimmung anzeigen</translation>
    </message>
    <message>
        <source>Retry errors (%1)</source>
        <translation>Fehler wiederholen (%1)</translation>
    </message>
    <message>
        <source>Score again the items whose generation or judge call failed</source>
        <translation>Die Einträge erneut bewerten, deren Generierung oder Judge-Anfrage fehlschlug</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import an Amazon Bedrock evaluation job&apos;s output as a run</source>
        <translation>Die Ausgabe eines Amazon-Bedrock-Evaluierungsjobs als Lauf importieren</translation>
    </message>
    <message>
        <source>Run again…</source>
        <translation>Erneut ausführen…</translation>
    </message>
    <message>
        <source>The same dataset and settings with another model, to compare with this run</source>
        <translation>Derselbe Datensatz mit denselben Einstellungen und einem anderen Modell, zum Vergleich mit diesem Lauf</translation>
    </message>
    <message>
        <source>Evaluation run cancelled.</source>
        <translation>Evaluierungslauf abgebrochen.</translation>
    </message>
    <message>
        <source>Evaluation run finished.</source>
        <translation>Evaluierungslauf beendet.</translation>
    </message>
    <message numerus="yes">
        <source>Evaluation run started; %n more will follow, one per model.</source>
        <translation>
            <numerusform>Evaluierungslauf gestartet; %n weiterer folgt, einer je Modell.</numerusform>
            <numerusform>Evaluierungslauf gestartet; %n weitere folgen, einer je Modell.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 of %2 items are shown; the rest are loading…</source>
        <translation>Die ersten %1 von %2 Einträgen werden gezeigt; der Rest wird geladen …</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>inline</source>
        <translation>eingebettet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>Latenz ms</translation>
    </message>
    <message>
        <source>Defect type</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>EventLogPane</name>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All predictions</source>
        <translation>Alle Vorhersagen</translation>
    </message>
    <message>
        <source>confidence &lt; </source>
        <translation>Konfidenz &lt; </translation>
    </message>
    <message>
        <source>Show only inspections below this confidence (1.01 shows all)</source>
        <translation>Nur Prüfergebnisse unterhalb dieser Konfidenz anzeigen (1,01 zeigt alle)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Hold new rows aside while you read (Ctrl+P)</source>
        <translation>Neue Zeilen zurückhalten, während Sie lesen (Strg+P)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 held while paused</source>
        <translation>%1 während der Pause zurückgehalten</translation>
    </message>
    <message>
        <source>%1 not listed (over 40,000/s), still counted</source>
        <translation>%1 nicht aufgelistet (über 40.000/s), aber mitgezählt</translation>
    </message>
</context>
<context>
    <name>EventStreamDecoder</name>
    <message>
        <source>empty header name</source>
        <translation>leerer Header-Name</translation>
    </message>
    <message>
        <source>header name runs past the headers section</source>
        <translation>Header-Name reicht über den Header-Abschnitt hinaus</translation>
    </message>
    <message>
        <source>header &quot;%1&quot; has unknown value type %2</source>
        <translation>Header „%1“ hat den unbekannten Werttyp %2</translation>
    </message>
    <message>
        <source>value of header &quot;%1&quot; runs past the headers section</source>
        <translation>Wert von Header „%1“ reicht über den Header-Abschnitt hinaus</translation>
    </message>
    <message>
        <source>event stream: incomplete frame at byte offset %1: %2 bytes, too few to hold its length</source>
        <translation>Event-Stream: unvollständiger Frame bei Byte-Offset %1: %2 Byte, zu wenig für die Längenangabe</translation>
    </message>
    <message>
        <source>event stream: incomplete frame at byte offset %1: %2 of %3 bytes</source>
        <translation>Event-Stream: unvollständiger Frame bei Byte-Offset %1: %2 von %3 Byte</translation>
    </message>
    <message>
        <source>event stream: frame length %1 at byte offset %2 is below the %3-byte minimum</source>
        <translation>Event-Stream: Frame-Länge %1 bei Byte-Offset %2 unterschreitet das Minimum von %3 Byte</translation>
    </message>
    <message>
        <source>event stream: declared frame length %1 at byte offset %2 exceeds the %3-byte limit</source>
        <translation>Event-Stream: angegebene Frame-Länge %1 bei Byte-Offset %2 überschreitet die Obergrenze von %3 Byte</translation>
    </message>
    <message>
        <source>event stream: prelude checksum mismatch at byte offset %1 (frame says %2, bytes give %3)</source>
        <translation>Event-Stream: Prüfsumme des Prelude stimmt bei Byte-Offset %1 nicht überein (laut Frame %2, berechnet %3)</translation>
    </message>
    <message>
        <source>event stream: headers length %1 does not fit in the %2-byte frame at byte offset %3</source>
        <translation>Event-Stream: Header-Länge %1 passt nicht in den %2-Byte-Frame bei Byte-Offset %3</translation>
    </message>
    <message>
        <source>event stream: message checksum mismatch at byte offset %1 (frame says %2, bytes give %3)</source>
        <translation>Event-Stream: Prüfsumme der Nachricht stimmt bei Byte-Offset %1 nicht überein (laut Frame %2, berechnet %3)</translation>
    </message>
    <message>
        <source>event stream: malformed header at byte offset %1: %2</source>
        <translation>Event-Stream: fehlerhafter Header bei Byte-Offset %1: %2</translation>
    </message>
</context>
<context>
    <name>FleetCharts</name>
    <message>
        <source>Messages per second (malformed in red)</source>
        <translation>Nachrichten pro Sekunde (fehlerhafte in Rot)</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Defect rate per device (dashed: alert)</source>
        <translation>Fehlerquote pro Gerät (gestrichelt: Alarmschwelle)</translation>
    </message>
    <message>
        <source>Defect rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation>Alarmschwelle</translation>
    </message>
    <message>
        <source>Latency ms: p50 blue, p95 amber</source>
        <translation>Latenz ms: p50 blau, p95 orange</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>FleetTableModel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1
Last seen %2
Baseline confidence %3, drift %4
Window: %5 messages</source>
        <translation>%1
Zuletzt gesehen: %2
Ausgangskonfidenz %3, Drift %4
Zeitfenster: %5 Nachrichten</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>Defekte</translation>
    </message>
    <message>
        <source>Defects (window)</source>
        <translation>Defekte (Zeitfenster)</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Low conf.</source>
        <translation>Niedr. Konf.</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Silent for %1 s</source>
        <translation>Stumm seit %1 s</translation>
    </message>
    <message>
        <source>Drifting %1</source>
        <translation>Driftend %1</translation>
    </message>
</context>
<context>
    <name>FleetTableView</name>
    <message>
        <source>Review this device</source>
        <translation>Dieses Gerät prüfen</translation>
    </message>
</context>
<context>
    <name>GeneratorRows</name>
    <message>
        <source>model id, e.g. gpt-4o-mini</source>
        <translation>Modell-ID, z. B. gpt-4o-mini</translation>
    </message>
    <message>
        <source>optional: a second model to compare</source>
        <translation>optional: ein zweites Modell zum Vergleich</translation>
    </message>
    <message>
        <source>optional: a third model</source>
        <translation>optional: ein drittes Modell</translation>
    </message>
    <message>
        <source>Connection of model %1</source>
        <translation>Verbindung von Modell %1</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>another model than %1</source>
        <translation>ein anderes Modell als %1</translation>
    </message>
</context>
<context>
    <name>GuardrailCommand</name>
    <message>
        <source>Subcommands:
  apply   check one text with a Bedrock guardrail (ApplyGuardrail)
</source>
        <translation>Unterbefehle:
  apply   einen Text mit einem Bedrock-Guardrail prüfen (ApplyGuardrail)
</translation>
    </message>
    <message>
        <source>guardrail: expected one of:
%1</source>
        <translation>guardrail: erwartet wird einer der folgenden Aufrufe:
%1</translation>
    </message>
    <message>
        <source>Check one text with a Bedrock guardrail: what it lets through goes to stdout, what fired to stderr; exit 1 when it intervened.</source>
        <translation>Einen Text mit einem Bedrock-Guardrail prüfen: Was er durchlässt, geht nach stdout, was ausgelöst hat, nach stderr; Exit-Code 1, wenn er eingegriffen hat.</translation>
    </message>
    <message>
        <source>input (a prompt) or output (an answer).</source>
        <translation>input (ein Prompt) oder output (eine Antwort).</translation>
    </message>
    <message>
        <source>Text the answer must rest on (repeatable; output only).</source>
        <translation>Text, auf den sich die Antwort stützen muss (mehrfach angebbar; nur bei output).</translation>
    </message>
    <message>
        <source>The question the answer must be relevant to (output only).</source>
        <translation>Die Frage, für die die Antwort relevant sein muss (nur bei output).</translation>
    </message>
    <message>
        <source>Show every entry checked, not only those that acted.</source>
        <translation>Alle geprüften Richtlinieneinträge anzeigen, nicht nur die, die eingegriffen haben.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>The text, or - to read it from stdin.</source>
        <translation>Der Text oder -, um ihn von stdin zu lesen.</translation>
    </message>
    <message>
        <source>guardrail apply: give exactly one TEXT (or - for stdin)</source>
        <translation>guardrail apply: genau ein TEXT erwartet (oder - für stdin)</translation>
    </message>
    <message>
        <source>guardrail apply: --guardrail ID:VERSION is required</source>
        <translation>guardrail apply: --guardrail ID:VERSION ist erforderlich</translation>
    </message>
    <message>
        <source>guardrail apply: --source expects input or output</source>
        <translation>guardrail apply: --source erwartet input oder output</translation>
    </message>
    <message>
        <source>guardrail apply: --grounding-source and --query check an answer: use them with --source output</source>
        <translation>guardrail apply: --grounding-source und --query prüfen eine Antwort: verwenden Sie sie mit --source output</translation>
    </message>
    <message>
        <source>guardrail apply: the text is empty</source>
        <translation>guardrail apply: der Text ist leer</translation>
    </message>
    <message>
        <source>guardrail apply: guardrails are Amazon Bedrock&apos;s (--provider bedrock)</source>
        <translation>guardrail apply: Guardrails gibt es nur bei Amazon Bedrock (--provider bedrock)</translation>
    </message>
</context>
<context>
    <name>GuardrailFinding</name>
    <message>
        <source>topic &quot;%1&quot;</source>
        <translation>Thema „%1“</translation>
    </message>
    <message>
        <source>content filter %1 (confidence %2)</source>
        <translation>Inhaltsfilter %1 (Konfidenz %2)</translation>
    </message>
    <message>
        <source>word &quot;%1&quot;</source>
        <translation>Wort „%1“</translation>
    </message>
    <message>
        <source>PII %1</source>
        <translation>PII %1</translation>
    </message>
    <message>
        <source>%1 %2 against threshold %3</source>
        <translation>%1 %2 bei Schwellenwert %3</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>maskiert</translation>
    </message>
    <message>
        <source>no action</source>
        <translation>keine Aktion</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>GuardrailHtml</name>
    <message>
        <source>Guardrail intervened: sensitive data was masked</source>
        <translation>Guardrail hat eingegriffen: Sensible Daten wurden maskiert</translation>
    </message>
    <message>
        <source>Guardrail intervened: the answer was blocked</source>
        <translation>Guardrail hat eingegriffen: Die Antwort wurde blockiert</translation>
    </message>
    <message>
        <source>Guardrail passed</source>
        <translation>Guardrail hat nicht eingegriffen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The service gave no trace of which policy acted.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Der Dienst hat keinen Trace dazu geliefert, welche Richtlinie eingegriffen hat.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The model had answered:</source>
        <translation>Das Modell hatte geantwortet:</translation>
    </message>
    <message>
        <source>The guardrail let through:</source>
        <translation>Der Guardrail hat durchgelassen:</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;small&gt;%n policy unit(s)&lt;/small&gt;&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;small&gt;%n Richtlinieneinheit&lt;/small&gt;&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;small&gt;%n Richtlinieneinheiten&lt;/small&gt;&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Nothing was retrieved.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Es wurde nichts abgerufen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Retrieved passages</source>
        <translation>Abgerufene Textstellen</translation>
    </message>
    <message>
        <source> score %1</source>
        <translation> Score %1</translation>
    </message>
</context>
<context>
    <name>GuardrailProtocol</name>
    <message>
        <source>no guardrail given (--guardrail ID:VERSION)</source>
        <translation>kein Guardrail angegeben (--guardrail ID:VERSION)</translation>
    </message>
    <message>
        <source>no text to check</source>
        <translation>kein Text zum Prüfen</translation>
    </message>
</context>
<context>
    <name>GuardrailSetting</name>
    <message>
        <source>the guardrail &quot;%1&quot; is not ID:VERSION (for example gr1abc2def3g:1 or gr1abc2def3g:DRAFT)</source>
        <translation>der Guardrail „%1“ hat nicht die Form ID:VERSION (zum Beispiel gr1abc2def3g:1 oder gr1abc2def3g:DRAFT)</translation>
    </message>
    <message>
        <source>the guardrail version &quot;%1&quot; is neither DRAFT nor a number from 1</source>
        <translation>die Guardrail-Version „%1“ ist weder DRAFT noch eine Zahl ab 1</translation>
    </message>
    <message>
        <source>the guardrail identifier &quot;%1&quot; holds characters an id or ARN cannot have</source>
        <translation>die Guardrail-Kennung „%1“ enthält Zeichen, die in einer ID oder einem ARN nicht vorkommen können</translation>
    </message>
    <message>
        <source>the guardrail trace &quot;%1&quot; is not enabled, disabled or enabled_full</source>
        <translation>der Guardrail-Trace „%1“ ist weder enabled noch disabled noch enabled_full</translation>
    </message>
</context>
<context>
    <name>GuardrailSummary</name>
    <message>
        <source>, 95% [%1, %2]</source>
        <translation>, 95-%-KI [%1, %2]</translation>
    </message>
    <message>
        <source>  guardrail %1: intervened in %2 of %3 items (%4%%5); fired in items: %6; %7 policy units</source>
        <translation>  Guardrail %1: Eingriff bei %2 von %3 Einträgen (%4 %%5); ausgelöst in Einträgen: %6; %7 Richtlinieneinheiten</translation>
    </message>
    <message>
        <source>
      mean grounding %1, mean relevance %2</source>
        <translation>
      mittleres Grounding %1, mittlere Relevanz %2</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>
      %1 of the interventions came without a trace: the service did not say which policy acted</source>
        <translation>
      %1 der Eingriffe kamen ohne Trace: der Dienst hat nicht gesagt, welche Richtlinie eingegriffen hat</translation>
    </message>
</context>
<context>
    <name>GuardrailVerdict</name>
    <message>
        <source>the guardrail&apos;s answer is malformed: %1 is not %2</source>
        <translation>die Antwort des Guardrails ist fehlerhaft: %1 ist nicht %2</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a list of objects</source>
        <translation>eine Liste von Objekten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a map of lists</source>
        <translation>eine Zuordnung von Listen</translation>
    </message>
    <message>
        <source>the ApplyGuardrail answer&apos;s action is &quot;%1&quot;, neither GUARDRAIL_INTERVENED nor NONE</source>
        <translation>die action der ApplyGuardrail-Antwort ist „%1“, weder GUARDRAIL_INTERVENED noch NONE</translation>
    </message>
</context>
<context>
    <name>HashingLineReader</name>
    <message>
        <source>the line is %1 bytes, over the limit of %2 bytes</source>
        <translation>die Zeile hat %1 Bytes, mehr als die Grenze von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>HttpChatCall</name>
    <message>
        <source>the call was cancelled</source>
        <translation>der Aufruf wurde abgebrochen</translation>
    </message>
    <message>
        <source>the network access manager is gone</source>
        <translation>der Network Access Manager ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>the answer stalled: nothing arrived for %1 ms after %2 characters (idle timeout)</source>
        <translation>die Antwort ist ins Stocken geraten: Nach %2 Zeichen kam %1 ms lang nichts mehr an (Leerlauf-Timeout)</translation>
    </message>
    <message>
        <source>no answer within %1 ms of sending the request (first-byte timeout)</source>
        <translation>keine Antwort innerhalb von %1 ms nach dem Senden der Anfrage (Timeout für das erste Byte)</translation>
    </message>
    <message>
        <source>the call did not finish within %1 ms (total timeout, after %2 attempts)</source>
        <translation>der Aufruf wurde nicht innerhalb von %1 ms abgeschlossen (Gesamt-Timeout, Versuche: %2)</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (nach %2 Versuchen)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>der Server hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>Zeitüberschreitung bei der Verbindung</translation>
    </message>
</context>
<context>
    <name>HumanLabel</name>
    <message>
        <source>&quot;run_id&quot; must be a positive whole number</source>
        <translation>„run_id“ muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <source>&quot;item&quot; must be a whole number from 0</source>
        <translation>„item“ muss eine ganze Zahl ab 0 sein</translation>
    </message>
    <message>
        <source>&quot;verdict&quot; must be pass, fail or score, not &quot;%1&quot;</source>
        <translation>„verdict“ muss pass, fail oder score sein, nicht „%1“</translation>
    </message>
    <message>
        <source>a score label needs a numeric &quot;value&quot; from 0 to 1</source>
        <translation>ein Label mit Bewertung benötigt einen numerischen „value“ von 0 bis 1</translation>
    </message>
    <message>
        <source>the label names no metric</source>
        <translation>das Label nennt keine Metrik</translation>
    </message>
    <message>
        <source>the label names no reviewer</source>
        <translation>das Label nennt keinen Prüfer</translation>
    </message>
    <message>
        <source>a label&apos;s value must be from 0 to 1, not %1</source>
        <translation>der Wert eines Labels muss zwischen 0 und 1 liegen, nicht %1</translation>
    </message>
    <message>
        <source>the comment has %1 characters; at most 4000 are kept</source>
        <translation>der Kommentar hat %1 Zeichen; höchstens 4000 werden gespeichert</translation>
    </message>
</context>
<context>
    <name>ImageLocation</name>
    <message>
        <source>local images are shown only from a folder you choose for them (Images folder…)</source>
        <translation>lokale Bilder werden nur aus einem Ordner gezeigt, den Sie dafür wählen (Bilderordner…)</translation>
    </message>
    <message>
        <source>the image path holds a NUL character</source>
        <translation>der Bildpfad enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>not a file URI this computer can read</source>
        <translation>keine Datei-URI, die dieser Rechner lesen kann</translation>
    </message>
    <message>
        <source>a file URI naming another computer (%1) is not read</source>
        <translation>eine Datei-URI, die einen anderen Rechner nennt (%1), wird nicht gelesen</translation>
    </message>
    <message>
        <source>the images folder does not exist</source>
        <translation>den Bilderordner gibt es nicht</translation>
    </message>
    <message>
        <source>no such file in the images folder</source>
        <translation>diese Datei gibt es im Bilderordner nicht</translation>
    </message>
    <message>
        <source>the image lies outside the images folder %1, so it is not read</source>
        <translation>das Bild liegt außerhalb des Bilderordners %1 und wird deshalb nicht gelesen</translation>
    </message>
</context>
<context>
    <name>InspectionImageView</name>
    <message>
        <source>Select an inspection to see its image.</source>
        <translation>Wählen Sie ein Prüfergebnis aus, um sein Bild zu sehen.</translation>
    </message>
    <message>
        <source>The image could not be decoded.</source>
        <translation>Das Bild konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · confidence %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Konfidenz %3%4</translation>
    </message>
    <message>
        <source>The device sent no image.</source>
        <translation>Das Gerät hat kein Bild gesendet.</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;Open the image in the browser&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;Bild im Browser öffnen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Loading from S3…</source>
        <translation>Wird aus S3 geladen…</translation>
    </message>
    <message>
        <source>Stored in S3:
%1
Choose &quot;S3 images via …&quot; beside the filters to see it here.</source>
        <translation>In S3 gespeichert:
%1
Wählen Sie neben den Filtern „S3-Bilder über …“, um es hier zu sehen.</translation>
    </message>
</context>
<context>
    <name>InspectionParser</name>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>das Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is &quot;%2&quot;, which is not a number</source>
        <translation>„%1“ ist „%2“ und damit keine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number or a numeric string</source>
        <translation>„%1“ muss eine Zahl oder eine Zeichenkette mit einer Zahl sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a finite number</source>
        <translation>„%1“ ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>&quot;timestamp&quot; is &quot;%1&quot;, neither epoch seconds nor ISO 8601</source>
        <translation>„timestamp“ ist „%1“, weder Epoch-Sekunden noch ISO 8601</translation>
    </message>
    <message>
        <source>&quot;timestamp&quot; is negative</source>
        <translation>„timestamp“ ist negativ</translation>
    </message>
    <message>
        <source>&quot;timestamp&quot; is after the year 9999</source>
        <translation>„timestamp“ liegt nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>kein JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>the payload is JSON but not an object</source>
        <translation>die Nutzdaten sind JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>&quot;device_id&quot; is empty</source>
        <translation>„device_id“ ist leer</translation>
    </message>
    <message>
        <source>&quot;prediction&quot; is &quot;%1&quot;, not one of the configured classes (%2)</source>
        <translation>„prediction“ ist „%1“, keine der konfigurierten Klassen (%2)</translation>
    </message>
    <message>
        <source>&quot;confidence&quot; is %1, outside 0…1</source>
        <translation>„confidence“ ist %1, außerhalb von 0…1</translation>
    </message>
    <message>
        <source>&quot;inference_latency_ms&quot; is negative (%1)</source>
        <translation>„inference_latency_ms“ ist negativ (%1)</translation>
    </message>
    <message>
        <source>&quot;image_base64&quot; is not valid base64</source>
        <translation>„image_base64“ ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>&quot;bbox&quot; must be an array</source>
        <translation>„bbox“ muss ein Array sein</translation>
    </message>
    <message>
        <source>the payload is %1 bytes, over the limit of %2 bytes</source>
        <translation>die Nutzlast hat %1 Bytes, mehr als die Grenze von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>InvocationLog</name>
    <message>
        <source>the start time is not an ISO-8601 date and time</source>
        <translation>die Startzeit ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>a usage report covers at least one day</source>
        <translation>ein Nutzungsbericht umfasst mindestens einen Tag</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <source>item %1 is not in the dataset</source>
        <translation>Eintrag %1 ist nicht im Datensatz enthalten</translation>
    </message>
</context>
<context>
    <name>ItemDetailHtml</name>
    <message>
        <source>&lt;h3&gt;Item %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Eintrag %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Contexts</source>
        <translation>Kontexte</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;none&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;keine&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>&lt;i&gt;none&lt;/i&gt;</source>
        <translation>&lt;i&gt;keine&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>%1 (lexical)</source>
        <translation>%1 (lexikalisch)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>People&apos;s labels</source>
        <translation>Menschliche Labels</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: &lt;b&gt;%2&lt;/b&gt; by %3 (%4)%5&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1: &lt;b&gt;%2&lt;/b&gt; von %3 (%4)%5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Guardrail</source>
        <translation>Guardrail</translation>
    </message>
    <message>
        <source>Response (Knowledge Base, with citations)</source>
        <translation>Antwort (Knowledge Base, mit Quellenangaben)</translation>
    </message>
</context>
<context>
    <name>ItemEvaluation</name>
    <message>
        <source>the dataset has no response for this item (line %1)</source>
        <translation>der Datensatz enthält keine Antwort für diesen Eintrag (Zeile %1)</translation>
    </message>
    <message>
        <source>no model is configured to generate responses</source>
        <translation>es ist kein Modell zum Erzeugen der Antworten konfiguriert</translation>
    </message>
    <message>
        <source>generating the response failed: %1</source>
        <translation>das Erzeugen der Antwort ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no judge model is configured</source>
        <translation>es ist kein Judge-Modell konfiguriert</translation>
    </message>
    <message>
        <source>the item has no contexts to check the response against</source>
        <translation>der Eintrag hat keine Kontexte, mit denen die Antwort abgeglichen werden kann</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>generating response %1 of %2 failed: %3</source>
        <translation>das Erzeugen der Antwort %1 von %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 of %2 repeated scores failed: %3</source>
        <translation>%1 von %2 wiederholten Bewertungen sind fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>the run goes through a guardrail, but no AWS connection for it is configured</source>
        <translation>der Durchlauf läuft über einen Guardrail, dafür ist aber keine AWS-Verbindung konfiguriert</translation>
    </message>
    <message>
        <source>the guardrail&apos;s %1 check failed: %2</source>
        <translation>die %1-Prüfung des Guardrails ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>kein Urteil</translation>
    </message>
    <message>
        <source>the item has no reference to look for</source>
        <translation>der Eintrag hat keine Referenz, nach der gesucht werden kann</translation>
    </message>
</context>
<context>
    <name>ItemGroups</name>
    <message>
        <source>no item of the dataset has a field &quot;%1&quot; to cluster by</source>
        <translation>kein Eintrag des Datensatzes hat ein Feld „%1“, nach dem geclustert werden kann</translation>
    </message>
</context>
<context>
    <name>ItemsPane</name>
    <message>
        <source>Below threshold</source>
        <translation>Unter Schwellenwert</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Unstable</source>
        <translation>Instabil</translation>
    </message>
    <message>
        <source>Items whose repeated scores fall on both sides of a threshold</source>
        <translation>Einträge, deren wiederholte Bewertungen auf beiden Seiten eines Schwellenwerts liegen</translation>
    </message>
    <message>
        <source>Search questions and responses (%1)</source>
        <translation>Fragen und Antworten durchsuchen (%1)</translation>
    </message>
    <message>
        <source>any metric</source>
        <translation>beliebige Metrik</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not scored yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch nicht bewertet.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select an item to read its question, scores with their explanations, response, contexts and reference.</source>
        <translation>Wählen Sie einen Eintrag, um Frage, Werte mit Begründungen, Antwort, Kontexte und Referenz zu lesen.</translation>
    </message>
    <message>
        <source>Open in a window</source>
        <translation>In einem Fenster öffnen</translation>
    </message>
    <message>
        <source>Read the chosen item in a window of its own, as large as you like; it follows the item chosen here</source>
        <translation>Den gewählten Eintrag in einem eigenen, beliebig großen Fenster lesen; es folgt der Auswahl hier</translation>
    </message>
    <message>
        <source>Item — %1</source>
        <translation>Eintrag — %1</translation>
    </message>
    <message>
        <source>Guardrail intervened</source>
        <translation>Guardrail-Eingriff</translation>
    </message>
    <message>
        <source>Items the run&apos;s guardrail blocked or masked</source>
        <translation>Einträge, die der Guardrail des Durchlaufs blockiert oder maskiert hat</translation>
    </message>
</context>
<context>
    <name>JsonRecordReader</name>
    <message>
        <source>not valid JSON: %1 at column %2</source>
        <translation>kein gültiges JSON: %1 in Spalte %2</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at line %2, column %3</source>
        <translation>kein gültiges JSON: %1 in Zeile %2, Spalte %3</translation>
    </message>
</context>
<context>
    <name>JudgeMetrics</name>
    <message>
        <source>the judge&apos;s answer was not the JSON asked for: %1 in &quot;%2&quot;</source>
        <translation>die Antwort des Judge-Modells war nicht das angeforderte JSON: %1 in „%2“</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>no JSON object found</source>
        <translation>kein JSON-Objekt gefunden</translation>
    </message>
    <message>
        <source>malformed JSON (%1)</source>
        <translation>fehlerhaftes JSON (%1)</translation>
    </message>
    <message>
        <source>&quot;statements&quot; is not a list</source>
        <translation>„statements“ ist keine Liste</translation>
    </message>
    <message>
        <source>statement %1 is not a string</source>
        <translation>Aussage %1 ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>no statements could be extracted from the response</source>
        <translation>aus der Antwort ließen sich keine Aussagen extrahieren</translation>
    </message>
    <message>
        <source>&quot;verdicts&quot; is not a list</source>
        <translation>„verdicts“ ist keine Liste</translation>
    </message>
    <message>
        <source>%1 verdicts for %2 statements</source>
        <translation>Anzahl der Urteile (%1) passt nicht zur Anzahl der Aussagen (%2)</translation>
    </message>
    <message>
        <source>verdict %1 is not 0 or 1</source>
        <translation>Urteil %1 ist weder 0 noch 1</translation>
    </message>
    <message>
        <source>the reason of verdict %1 is not text</source>
        <translation>die Begründung von Urteil %1 ist kein Text</translation>
    </message>
    <message>
        <source>%1 of %2 statements are supported by the contexts</source>
        <translation>%1 von %2 Aussagen werden von den Kontexten gestützt</translation>
    </message>
    <message>
        <source>&quot;score&quot; is not a number</source>
        <translation>„score“ ist keine Zahl</translation>
    </message>
    <message>
        <source>score %1 is outside 0…1</source>
        <translation>der Score %1 liegt außerhalb von 0…1</translation>
    </message>
    <message>
        <source>&quot;explanation&quot; is not text</source>
        <translation>„explanation“ ist kein Text</translation>
    </message>
</context>
<context>
    <name>KbCommand</name>
    <message>
        <source>Subcommands:
  retrieve   the passages a Knowledge Base finds for a query (Retrieve)
  ask        an answer generated from them, with citations (RetrieveAndGenerate)
</source>
        <translation>Unterbefehle:
  retrieve   die Textstellen, die eine Knowledge Base zu einer Anfrage findet (Retrieve)
  ask        eine daraus erzeugte Antwort mit Quellenangaben (RetrieveAndGenerate)
</translation>
    </message>
    <message>
        <source>kb: expected one of:
%1</source>
        <translation>kb: erwartet wird einer der folgenden Aufrufe:
%1</translation>
    </message>
    <message>
        <source>The passages a Knowledge Base retrieves for a query.</source>
        <translation>Die Textstellen, die eine Knowledge Base zu einer Anfrage abruft.</translation>
    </message>
    <message>
        <source>An answer from a Knowledge Base, with its citations.</source>
        <translation>Eine Antwort aus einer Knowledge Base mit ihren Quellenangaben.</translation>
    </message>
    <message>
        <source>Continue a conversation (the session id an earlier answer gave).</source>
        <translation>Eine Unterhaltung fortsetzen (mit der Sitzungs-ID aus einer früheren Antwort).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>The text, or - to read it from stdin.</source>
        <translation>Der Text oder -, um ihn von stdin zu lesen.</translation>
    </message>
    <message>
        <source>%1: give exactly one text (or - for stdin)</source>
        <translation>%1: genau ein Text erwartet (oder - für stdin)</translation>
    </message>
    <message>
        <source>%1: the text is empty</source>
        <translation>%1: der Text ist leer</translation>
    </message>
    <message>
        <source>kb retrieve: --session belongs to kb ask</source>
        <translation>kb retrieve: --session gehört zu kb ask</translation>
    </message>
    <message>
        <source>%1: a Knowledge Base is the provider bedrock-kb</source>
        <translation>%1: eine Knowledge Base verwendet den Anbieter bedrock-kb</translation>
    </message>
    <message>
        <source>genaiops: nothing was retrieved</source>
        <translation>genaiops: es wurde nichts abgerufen</translation>
    </message>
    <message>
        <source>genaiops: session %1 (continue with --session)</source>
        <translation>genaiops: Sitzung %1 (fortsetzen mit --session)</translation>
    </message>
</context>
<context>
    <name>KnowledgeBaseProtocol</name>
    <message>
        <source>no Knowledge Base given (--knowledge-base ID)</source>
        <translation>keine Knowledge Base angegeben (--knowledge-base ID)</translation>
    </message>
    <message>
        <source>no model ARN for the Knowledge Base&apos;s answers (--model-arn ARN)</source>
        <translation>kein Modell-ARN für die Antworten der Knowledge Base (--model-arn ARN)</translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation>die Frage ist leer</translation>
    </message>
    <message>
        <source>the question has %1 characters; a Knowledge Base takes at most %2</source>
        <translation>die Frage hat %1 Zeichen; eine Knowledge Base nimmt höchstens %2 an</translation>
    </message>
    <message>
        <source>the RetrieveAndGenerate answer has no output text: &quot;%1&quot;</source>
        <translation>die RetrieveAndGenerate-Antwort enthält keinen Ausgabetext: „%1“</translation>
    </message>
    <message>
        <source>the RetrieveAndGenerate answer&apos;s citations are not a list</source>
        <translation>die citations der RetrieveAndGenerate-Antwort sind keine Liste</translation>
    </message>
</context>
<context>
    <name>KnowledgeBaseRetrieval</name>
    <message>
        <source>the Knowledge Base kept paging: stopped after %1 pages</source>
        <translation>die Knowledge Base lieferte immer weitere Seiten: nach %1 Seiten abgebrochen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>LabelExchange</name>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation>die Zeile ist länger als %1 Byte</translation>
    </message>
    <message>
        <source>not JSON: %1 at column %2</source>
        <translation>kein JSON: %1 in Spalte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>LabelRepository</name>
    <message>
        <source>label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <source>there is no evaluation run %1</source>
        <translation>es gibt keinen Evaluierungsdurchlauf %1</translation>
    </message>
    <message>
        <source>run %1 has no metric &quot;%2&quot; (it has %3)</source>
        <translation>Durchlauf %1 hat keine Metrik „%2“ (vorhanden: %3)</translation>
    </message>
    <message>
        <source>%1 is computed from the text, not judged: people label the judged metrics</source>
        <translation>%1 wird aus dem Text berechnet, nicht von einem Judge-Modell bewertet: Menschen labeln die Judge-Metriken</translation>
    </message>
    <message>
        <source>run %1 has items 0 to %2, not %3</source>
        <translation>Durchlauf %1 hat die Einträge 0 bis %2, nicht %3</translation>
    </message>
</context>
<context>
    <name>LocalBroker</name>
    <message>
        <source>mosquitto is not installed (Debian: apt-get install mosquitto)</source>
        <translation>mosquitto ist nicht installiert (Debian: apt-get install mosquitto)</translation>
    </message>
    <message>
        <source>cannot write the broker&apos;s configuration</source>
        <translation>die Konfiguration des Brokers kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>mosquitto did not start: %1</source>
        <translation>mosquitto ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>mosquitto exited: %1</source>
        <translation>mosquitto wurde beendet: %1</translation>
    </message>
    <message>
        <source>mosquitto did not open port %1 within 10 s</source>
        <translation>mosquitto hat Port %1 nicht innerhalb von 10 s geöffnet</translation>
    </message>
    <message>
        <source>mosquitto_passwd could not write a password file</source>
        <translation>mosquitto_passwd konnte keine Passwortdatei schreiben</translation>
    </message>
</context>
<context>
    <name>LocalUser</name>
    <message>
        <source>cannot tell who you are: neither USER nor USERNAME is set</source>
        <translation>Ihre Identität ist unbekannt: Weder USER noch USERNAME ist gesetzt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GenAIOps Workbench</source>
        <translation>GenAIOps Workbench</translation>
    </message>
    <message>
        <source>Opening workspace…</source>
        <translation>Arbeitsbereich wird geöffnet…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Add &amp;demo content</source>
        <translation>&amp;Demoinhalte hinzufügen</translation>
    </message>
    <message>
        <source>Adds example data to every panel of this workspace</source>
        <translation>Fügt allen Ansichten dieses Arbeitsbereichs Beispieldaten hinzu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About GenAIOps Workbench</source>
        <translation>Ü&amp;ber GenAIOps Workbench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>The workspace could not be opened. %1</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden. %1</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>A new workspace was created at %1. Add demo content to see every panel with example data, or start with your own connections.</source>
        <translation>Unter %1 wurde ein neuer Arbeitsbereich angelegt. Fügen Sie Demoinhalte hinzu, um alle Ansichten mit Beispieldaten zu sehen, oder beginnen Sie mit Ihren eigenen Verbindungen.</translation>
    </message>
    <message>
        <source>Add demo content</source>
        <translation>Demoinhalte hinzufügen</translation>
    </message>
    <message>
        <source>Demo content added.</source>
        <translation>Demoinhalte hinzugefügt.</translation>
    </message>
    <message>
        <source>Open or create a workspace</source>
        <translation>Arbeitsbereich öffnen oder anlegen</translation>
    </message>
    <message>
        <source>GenAIOps workspaces (*.genaiops *.db *.sqlite);;All files (*)</source>
        <translation>GenAIOps-Arbeitsbereiche (*.genaiops *.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About GenAIOps Workbench</source>
        <translation>Über GenAIOps Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;GenAIOps Workbench %1&lt;/h3&gt;&lt;p&gt;A desktop workbench and command line for taking generative-AI models from experiment to production: prompts, evaluations, governed promotions and edge fleets.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Secrets are kept only in the OS keyring.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GenAIOps Workbench %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Workbench und Kommandozeile, mit der Sie generative KI-Modelle vom Experiment in die Produktion bringen: Prompts, Evaluierungen, kontrollierte Freigaben und Edge-Flotten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Zugangsdaten werden ausschließlich im Schlüsselbund des Betriebssystems gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2 workspace, format %3, journal %4</source>
        <translation>%1
%2-Arbeitsbereich, Format %3, Journal %4</translation>
    </message>
    <message>
        <source>Reconnected to the team workspace.</source>
        <translation>Die Verbindung zum Team-Arbeitsbereich steht wieder.</translation>
    </message>
    <message>
        <source>Reconnecting to the team workspace… %1</source>
        <translation>Verbindung zum Team-Arbeitsbereich wird wiederhergestellt … %1</translation>
    </message>
    <message>
        <source>Open &amp;team workspace…</source>
        <translation>&amp;Team-Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <source>A workspace on the team&apos;s PostgreSQL server, shared with reviewers and officers</source>
        <translation>Ein Arbeitsbereich auf dem PostgreSQL-Server des Teams, geteilt mit Prüfern und Verantwortlichen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>The password was not kept in the keyring: %1</source>
        <translation>Das Passwort wurde nicht im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Team workspace %1 · you are %2</source>
        <translation>Team-Arbeitsbereich %1 · Sie sind %2</translation>
    </message>
    <message>
        <source>PostgreSQL at %1, logged in as the database role %2</source>
        <translation>PostgreSQL auf %1, angemeldet als Datenbankrolle %2</translation>
    </message>
    <message>
        <source>no workbench role: ask an admin for a grant</source>
        <translation>keine Workbench-Rolle: bitten Sie einen Admin um eine Freigabe</translation>
    </message>
    <message>
        <source>Team workspace %1 · you are %2, %3</source>
        <translation>Team-Arbeitsbereich %1 · Sie sind %2, %3</translation>
    </message>
</context>
<context>
    <name>MalformedList</name>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>Letztes Beispiel</translation>
    </message>
</context>
<context>
    <name>MetricAgreement</name>
    <message>
        <source>no labelled item has a judge score yet</source>
        <translation>noch kein gelabelter Eintrag hat eine Bewertung des Judge-Modells</translation>
    </message>
    <message numerus="yes">
        <source>κ unknown on %n item(s): judge and people gave one verdict only, agreement %1 %</source>
        <translation>
            <numerusform>κ unbekannt bei %n Eintrag: Judge-Modell und Menschen vergaben durchweg dasselbe Urteil, Übereinstimmung %1 %</numerusform>
            <numerusform>κ unbekannt bei %n Einträgen: Judge-Modell und Menschen vergaben durchweg dasselbe Urteil, Übereinstimmung %1 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>κ %1 %2 on %n item(s), agreement %3 %</source>
        <translation>
            <numerusform>κ %1 %2 bei %n Eintrag, Übereinstimmung %3 %</numerusform>
            <numerusform>κ %1 %2 bei %n Einträgen, Übereinstimmung %3 %</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: judge agreement not measured yet (%2)</source>
        <translation>%1: Judge-Übereinstimmung noch nicht gemessen (%2)</translation>
    </message>
    <message>
        <source>%1: judge not trustworthy for this metric: κ&apos;s lower bound %2 is under %3</source>
        <translation>%1: Judge-Modell für diese Metrik nicht vertrauenswürdig: Die Untergrenze von κ (%2) liegt unter %3</translation>
    </message>
</context>
<context>
    <name>MlflowClient</name>
    <message>
        <source>no valid MLflow tracking URI (set --tracking-uri or MLFLOW_TRACKING_URI): &quot;%1&quot;</source>
        <translation>keine gültige MLflow-Tracking-URI (setzen Sie --tracking-uri oder MLFLOW_TRACKING_URI): „%1“</translation>
    </message>
    <message>
        <source>MLflow %1 answered with something that is not a JSON object: %2</source>
        <translation>MLflow %1 hat mit etwas geantwortet, das kein JSON-Objekt ist: %2</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Details angegeben</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>MLflow %1 refused the credentials: %2: %3</source>
        <translation>MLflow %1 hat die Zugangsdaten abgewiesen: %2: %3</translation>
    </message>
    <message>
        <source>MLflow %1 answered %2: %3</source>
        <translation>MLflow %1 antwortete mit %2: %3</translation>
    </message>
</context>
<context>
    <name>MlflowRegistryBackend</name>
    <message>
        <source>an MLflow search cannot name a model with both kinds of quotes: %1</source>
        <translation>eine MLflow-Suche kann kein Modell angeben, dessen Name beide Arten von Anführungszeichen enthält: %1</translation>
    </message>
    <message>
        <source>a model version needs a registered model to be created in</source>
        <translation>eine Modellversion benötigt ein registriertes Modell, in dem sie angelegt wird</translation>
    </message>
    <message>
        <source>MLflow needs the artifact URI (the version&apos;s source) to register a version</source>
        <translation>MLflow benötigt zum Registrieren einer Version die Artefakt-URI (die Quelle der Version)</translation>
    </message>
    <message>
        <source>the version changed on MLflow since it was loaded (modified %1, loaded %2); reload it and decide again</source>
        <translation>die Version wurde in MLflow seit dem Laden geändert (geändert %1, geladen %2); laden Sie sie neu und entscheiden Sie erneut</translation>
    </message>
    <message>
        <source>%1 (the decision may be partly applied; reload the version)</source>
        <translation>%1 (die Entscheidung wurde möglicherweise nur teilweise übernommen; laden Sie die Version neu)</translation>
    </message>
    <message>
        <source>cannot tell who you are on MLflow: none of MLFLOW_TRACKING_USERNAME, USER and USERNAME is set</source>
        <translation>Ihre Identität in MLflow ist unbekannt: Weder MLFLOW_TRACKING_USERNAME noch USER noch USERNAME ist gesetzt</translation>
    </message>
</context>
<context>
    <name>ModelColumns</name>
    <message>
        <source>Run all</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>How many models to compare</source>
        <translation>Anzahl der zu vergleichenden Modelle</translation>
    </message>
    <message>
        <source>Send the prompt to every model (%1)</source>
        <translation>Den Prompt an alle Modelle senden (%1)</translation>
    </message>
    <message>
        <source>Stop every running call (%1)</source>
        <translation>Alle laufenden Aufrufe stoppen (%1)</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Model %1 needs a connection and a model id.</source>
        <translation>Modell %1 benötigt eine Verbindung und eine Modell-ID.</translation>
    </message>
</context>
<context>
    <name>ModelGroupModel</name>
    <message>
        <source>%1
%2 versions, %3 pending</source>
        <translation>%1
%2 Versionen, %3 ausstehend</translation>
    </message>
</context>
<context>
    <name>ModelVersionModel</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Key metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Registrant</source>
        <translation>Registriert von</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
</context>
<context>
    <name>MqttClient</name>
    <message>
        <source>TLS: the broker rejected the client certificate (it is missing, or not signed by a CA the broker trusts)</source>
        <translation>TLS: Der Broker hat das Client-Zertifikat abgelehnt (es fehlt oder ist nicht von einer CA signiert, der der Broker vertraut)</translation>
    </message>
    <message>
        <source>TLS: a certificate has expired</source>
        <translation>TLS: Ein Zertifikat ist abgelaufen</translation>
    </message>
    <message>
        <source>TLS: the broker&apos;s certificate is not trusted (wrong CA file, or the host name does not match it)</source>
        <translation>TLS: Dem Zertifikat des Brokers wird nicht vertraut (falsche CA-Datei, oder der Hostname passt nicht dazu)</translation>
    </message>
    <message>
        <source>TLS: the client key could not be read (wrong passphrase?)</source>
        <translation>TLS: Der Client-Schlüssel konnte nicht gelesen werden (falsche Passphrase?)</translation>
    </message>
    <message>
        <source>TLS: the client key does not belong to the client certificate</source>
        <translation>TLS: Der Client-Schlüssel gehört nicht zum Client-Zertifikat</translation>
    </message>
    <message>
        <source>TLS: the broker does not accept the ALPN protocol</source>
        <translation>TLS: Der Broker akzeptiert das ALPN-Protokoll nicht</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>libmosquitto could not create a client</source>
        <translation>libmosquitto konnte keinen Client anlegen</translation>
    </message>
    <message>
        <source>the TLS files were refused: %1</source>
        <translation>die TLS-Dateien wurden abgelehnt: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the broker refused the connection: %1</source>
        <translation>der Broker hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>the broker refused the subscription to &quot;%1&quot;</source>
        <translation>der Broker hat das Abonnement von „%1“ abgelehnt</translation>
    </message>
</context>
<context>
    <name>MqttSettings</name>
    <message>
        <source>the broker must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT], not &quot;%1&quot;</source>
        <translation>der Broker muss mqtt://HOST[:PORT] oder mqtts://HOST[:PORT] sein, nicht „%1“</translation>
    </message>
    <message>
        <source>cannot read &quot;%1&quot;</source>
        <translation>„%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>a client certificate needs its key, and a key its certificate</source>
        <translation>ein Client-Zertifikat braucht seinen Schlüssel und ein Schlüssel sein Zertifikat</translation>
    </message>
    <message>
        <source>TLS options need an mqtts:// broker</source>
        <translation>TLS-Optionen erfordern einen mqtts://-Broker</translation>
    </message>
    <message>
        <source>QoS must be 0 or 1</source>
        <translation>QoS muss 0 oder 1 sein</translation>
    </message>
    <message>
        <source>the MQTT version must be 3.1.1 or 5</source>
        <translation>die MQTT-Version muss 3.1.1 oder 5 sein</translation>
    </message>
    <message>
        <source>a persistent session needs a fixed client id</source>
        <translation>eine persistente Sitzung erfordert eine feste Client-ID</translation>
    </message>
    <message>
        <source>port %1 is out of range</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter (# only at the end, + and # alone between slashes)</source>
        <translation>„%1“ ist kein gültiger Topic-Filter (# nur am Ende, + und # allein zwischen Schrägstrichen)</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <source>New evaluation run</source>
        <translation>Neuer Evaluierungsdurchlauf</translation>
    </message>
    <message>
        <source>Golden dataset</source>
        <translation>Golden Dataset</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>Datensätze (*.jsonl *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>defaults to the dataset&apos;s name and the date</source>
        <translation>Standard: Name des Datensatzes und Datum</translation>
    </message>
    <message>
        <source>Responses are in the dataset</source>
        <translation>Antworten sind im Datensatz enthalten</translation>
    </message>
    <message>
        <source>Generate responses with</source>
        <translation>Antworten erzeugen mit</translation>
    </message>
    <message>
        <source>judge model id, e.g. anthropic.claude-3-haiku-20240307-v1:0</source>
        <translation>Modell-ID des Judge-Modells, z. B. anthropic.claude-3-haiku-20240307-v1:0</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>%1 (lexical, no model)</source>
        <translation>%1 (lexikalisch, ohne Modell)</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Name des Durchlaufs:</translation>
    </message>
    <message>
        <source>Judge:</source>
        <translation>Judge-Modell:</translation>
    </message>
    <message>
        <source>Items at once:</source>
        <translation>Gleichzeitige Einträge:</translation>
    </message>
    <message>
        <source>Start run</source>
        <translation>Durchlauf starten</translation>
    </message>
    <message>
        <source>Choose at least one metric.</source>
        <translation>Wählen Sie mindestens eine Metrik aus.</translation>
    </message>
    <message>
        <source>Generating responses needs a connection and a model id.</source>
        <translation>Zum Erzeugen der Antworten sind eine Verbindung und eine Modell-ID erforderlich.</translation>
    </message>
    <message>
        <source>Importing the dataset…</source>
        <translation>Datensatz wird importiert…</translation>
    </message>
    <message>
        <source>Generate each response this many times; figures use each item&apos;s mean and unstable items are flagged</source>
        <translation>Jede Antwort so oft generieren; die Kennzahlen verwenden den Mittelwert jedes Eintrags, instabile Einträge werden markiert</translation>
    </message>
    <message>
        <source>Judge each response this many times, to see how much of the spread is the judge&apos;s</source>
        <translation>Jede Antwort so oft bewerten lassen, um zu sehen, wie viel der Streuung auf das Judge-Modell zurückgeht</translation>
    </message>
    <message>
        <source>optional: a dataset field grouping items, e.g. source</source>
        <translation>optional: ein Datensatzfeld, das Einträge gruppiert, z. B. source</translation>
    </message>
    <message>
        <source>Items that share this field (the same source document, say) are not independent: their intervals are clustered by it</source>
        <translation>Einträge mit demselben Wert in diesem Feld (etwa demselben Quelldokument) sind nicht unabhängig: Ihre Intervalle werden danach geclustert</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>Cluster by:</source>
        <translation>Clustern nach:</translation>
    </message>
    <message>
        <source>choose a dataset…</source>
        <translation>Datensatz wählen…</translation>
    </message>
    <message>
        <source>responses per item: </source>
        <translation>Antworten je Eintrag: </translation>
    </message>
    <message>
        <source>judge calls per response: </source>
        <translation>Bewertungen je Antwort: </translation>
    </message>
    <message>
        <source>default: answer from the contexts only, or say they do not hold it</source>
        <translation>Standard: nur aus den Kontexten antworten oder sagen, dass sie es nicht enthalten</translation>
    </message>
    <message>
        <source>model&apos;s default</source>
        <translation>Standard des Modells</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>%1 (needs a judge)</source>
        <translation>%1 (braucht einen Bewerter)</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>A JSONL or CSV file not yet in the workspace</source>
        <translation>Eine JSONL- oder CSV-Datei, die noch nicht im Arbeitsbereich ist</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Systemprompt:</translation>
    </message>
    <message>
        <source>No judge</source>
        <translation>Kein Bewerter</translation>
    </message>
    <message numerus="yes">
        <source>%1 · v%2 · %n items</source>
        <translation>
            <numerusform>%1 · v%2 · %n Eintrag</numerusform>
            <numerusform>%1 · v%2 · %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (file, imported when the run starts)</source>
        <translation>%1 (Datei, wird beim Start des Laufs importiert)</translation>
    </message>
    <message>
        <source>Choose a dataset, or a file with the File… button.</source>
        <translation>Wählen Sie einen Datensatz oder mit „Datei…“ eine Datei.</translation>
    </message>
    <message>
        <source>Judge metrics need a judge model id.</source>
        <translation>Bewertermetriken brauchen die ID eines Bewertermodells.</translation>
    </message>
    <message>
        <source>Creating the runs…</source>
        <translation>Läufe werden angelegt…</translation>
    </message>
</context>
<context>
    <name>OpenAiProtocol</name>
    <message>
        <source>no base URL for the OpenAI-compatible service (e.g. http://localhost:11434/v1)</source>
        <translation>keine Basis-URL für den OpenAI-kompatiblen Dienst (z. B. http://localhost:11434/v1)</translation>
    </message>
    <message>
        <source>no model given</source>
        <translation>kein Modell angegeben</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>malformed JSON in stream chunk %1 after %2 characters: %3 at offset %4 in &quot;%5&quot;</source>
        <translation>fehlerhaftes JSON in Stream-Chunk %1 nach %2 Zeichen: %3 bei Offset %4 in „%5“</translation>
    </message>
    <message>
        <source>the stream reported an error after %1 characters</source>
        <translation>der Stream meldete nach %1 Zeichen einen Fehler</translation>
    </message>
    <message>
        <source>it ended without &quot;data: [DONE]&quot;</source>
        <translation>er endete ohne „data: [DONE]“</translation>
    </message>
    <message>
        <source>the answer was cut off after %1 bytes</source>
        <translation>die Antwort wurde nach %1 Byte abgeschnitten</translation>
    </message>
    <message>
        <source>malformed JSON in the answer (%1 bytes): %2 at offset %3 in &quot;%4&quot;</source>
        <translation>fehlerhaftes JSON in der Antwort (%1 Byte): %2 bei Offset %3 in „%4“</translation>
    </message>
    <message>
        <source>the service answered with an error</source>
        <translation>der Dienst antwortete mit einem Fehler</translation>
    </message>
    <message>
        <source>the answer has no choices: &quot;%1&quot;</source>
        <translation>die Antwort enthält keine Einträge in choices: „%1“</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Details angegeben</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>the OpenAI-compatible service answered %1: %2</source>
        <translation>der OpenAI-kompatible Dienst antwortete mit %1: %2</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluierungen</translation>
    </message>
    <message>
        <source>Model registry</source>
        <translation>Modellregister</translation>
    </message>
    <message>
        <source>Edge devices</source>
        <translation>Edge-Geräte</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>ParametersEditor</name>
    <message>
        <source>model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Stop sequences, separated by &quot; | &quot;</source>
        <translation>Stoppsequenzen, getrennt durch „ | “</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>Max. Tokens:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Stop sequences:</source>
        <translation>Stoppsequenzen:</translation>
    </message>
</context>
<context>
    <name>PipelineOptions</name>
    <message>
        <source>Knowledge Base and guardrail (Amazon Bedrock)</source>
        <translation>Knowledge Base und Guardrail (Amazon Bedrock)</translation>
    </message>
    <message>
        <source>Retrieve only</source>
        <translation>Nur abrufen</translation>
    </message>
    <message>
        <source>question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>optional: a Knowledge Base id; the models above are then model ARNs</source>
        <translation>optional: eine Knowledge-Base-ID; die Modelle oben sind dann Modell-ARNs</translation>
    </message>
    <message>
        <source>retrieve </source>
        <translation>Abrufen: </translation>
    </message>
    <message>
        <source> passages</source>
        <translation> Textstellen</translation>
    </message>
    <message>
        <source>Score what the Knowledge Base retrieves (context recall and precision) without generating answers; the model ARN is not used</source>
        <translation>Bewerten, was die Knowledge Base abruft (Context Recall und Context Precision), ohne Antworten zu erzeugen; der Modell-ARN wird nicht verwendet</translation>
    </message>
    <message>
        <source>optional: a guardrail, ID:VERSION</source>
        <translation>optional: ein Guardrail, ID:VERSION</translation>
    </message>
    <message>
        <source>The AWS connection that applies the guardrail to responses from the dataset or from a model outside Bedrock</source>
        <translation>Die AWS-Verbindung, die den Guardrail auf Antworten aus dem Datensatz oder von einem Modell außerhalb von Bedrock anwendet</translation>
    </message>
    <message>
        <source>Knowledge Base:</source>
        <translation>Knowledge Base:</translation>
    </message>
    <message>
        <source>Guardrail:</source>
        <translation>Guardrail:</translation>
    </message>
    <message>
        <source>The guardrail checks nothing: tick the question, the response, or both.</source>
        <translation>Der Guardrail prüft nichts: Kreuzen Sie die Frage, die Antwort oder beides an.</translation>
    </message>
    <message>
        <source>The guardrail needs an AWS connection to check these responses (see Connections).</source>
        <translation>Der Guardrail benötigt eine AWS-Verbindung, um diese Antworten zu prüfen (siehe Verbindungen).</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Export run…</source>
        <translation>Durchlauf exportieren…</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>Preise…</translation>
    </message>
    <message>
        <source>Usage…</source>
        <translation>Nutzung…</translation>
    </message>
    <message>
        <source>System prompt (optional)</source>
        <translation>System-Prompt (optional)</translation>
    </message>
    <message>
        <source>Prompt template. Use {{variable}} for values you fill in on the right.</source>
        <translation>Prompt-Vorlage. Verwenden Sie {{Variable}} für Werte, die Sie rechts eintragen.</translation>
    </message>
    <message>
        <source>Add a connection (an OpenAI-compatible endpoint or an AWS account) on the Connections page to run prompts.</source>
        <translation>Fügen Sie auf der Seite „Verbindungen“ eine Verbindung hinzu (einen OpenAI-kompatiblen Endpoint oder ein AWS-Konto), um Prompts auszuführen.</translation>
    </message>
    <message>
        <source>The prompt is empty.</source>
        <translation>Der Prompt ist leer.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message numerus="yes">
        <source>Running %n model(s)…</source>
        <translation>
            <numerusform>%n Modell wird abgefragt…</numerusform>
            <numerusform>%n Modelle werden abgefragt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Durchlauf vom %1</translation>
    </message>
    <message>
        <source>Run a prompt or open one from the history first.</source>
        <translation>Führen Sie zuerst einen Prompt aus oder öffnen Sie einen Durchlauf aus dem Verlauf.</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Durchlauf exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported the run to %1.</source>
        <translation>Durchlauf nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>Modell %1</translation>
    </message>
</context>
<context>
    <name>PostgresLocation</name>
    <message>
        <source>a team workspace is a postgresql:// URI</source>
        <translation>ein Team-Arbeitsbereich ist eine postgresql://-URI</translation>
    </message>
    <message>
        <source>libpq could not read it</source>
        <translation>libpq konnte sie nicht lesen</translation>
    </message>
    <message>
        <source>not a PostgreSQL connection URI: %1</source>
        <translation>keine PostgreSQL-Verbindungs-URI: %1</translation>
    </message>
    <message>
        <source>the URI holds a password; leave it out and use ~/.pgpass, PGPASSWORD or the keyring (File → Open team workspace…)</source>
        <translation>die URI enthält ein Passwort; lassen Sie es weg und nutzen Sie ~/.pgpass, PGPASSWORD oder den Schlüsselbund (Datei → Team-Arbeitsbereich öffnen …)</translation>
    </message>
    <message>
        <source>the %1 parameter contains &apos;;&apos;, which the Qt driver cannot pass on</source>
        <translation>der Parameter %1 enthält „;“, das der Qt-Treiber nicht weitergeben kann</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <source>a price needs a model id pattern without surrounding spaces</source>
        <translation>ein Preis benötigt ein Modell-ID-Muster ohne Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>a price per million tokens must be a number of 0 or more</source>
        <translation>ein Preis pro Million Tokens muss eine Zahl größer oder gleich 0 sein</translation>
    </message>
    <message>
        <source>the price table has no such model pattern</source>
        <translation>die Preistabelle enthält dieses Modellmuster nicht</translation>
    </message>
</context>
<context>
    <name>PriceTableDialog</name>
    <message>
        <source>Model prices</source>
        <translation>Modellpreise</translation>
    </message>
    <message>
        <source>Model id or prefix</source>
        <translation>Modell-ID oder Präfix</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Input $ / 1M tokens</source>
        <translation>Eingabe $ / 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Output $ / 1M tokens</source>
        <translation>Ausgabe $ / 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>A model matches its exact id, else the longest prefix. Regional prefixes such as &quot;us.&quot; are ignored.</source>
        <translation>Ein Modell passt zu seiner exakten ID, sonst zum längsten Präfix. Regionale Präfixe wie „us.“ werden ignoriert.</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Row %1: prices cannot be negative.</source>
        <translation>Zeile %1: Preise dürfen nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>for example bedrock-dev or local-ollama</source>
        <translation>zum Beispiel bedrock-dev oder local-ollama</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Secret fields are stored only in the OS keyring, never in the workspace.</source>
        <translation>Geheime Felder werden ausschließlich im Schlüsselbund des Betriebssystems gespeichert, niemals im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>Verbindung %1 bearbeiten</translation>
    </message>
    <message>
        <source>A name needs 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Ein Name muss aus 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; bestehen.</translation>
    </message>
    <message>
        <source>this form</source>
        <translation>dieses Formular</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>ProfileMarks</name>
    <message>
        <source>This profile does not verify TLS certificates (verify_tls is no): whoever sits between here and the service can read and change the traffic.</source>
        <translation>Dieses Profil prüft keine TLS-Zertifikate (verify_tls ist no): wer zwischen hier und dem Dienst sitzt, kann den Verkehr lesen und ändern.</translation>
    </message>
</context>
<context>
    <name>PromptDiffDialog</name>
    <message>
        <source>Compare versions of %1</source>
        <translation>Versionen von %1 vergleichen</translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation>v%1 — %2</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>there is no version %1 of this prompt</source>
        <translation>dieser Prompt hat keine Version %1</translation>
    </message>
    <message>
        <source>there is no prompt of this name</source>
        <translation>es gibt keinen Prompt mit diesem Namen</translation>
    </message>
    <message>
        <source>no version of this prompt is labelled &quot;%1&quot;</source>
        <translation>keine Version dieses Prompts trägt das Label „%1“</translation>
    </message>
    <message>
        <source>a prompt needs a name without leading or trailing spaces</source>
        <translation>ein Prompt benötigt einen Namen ohne Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>&quot;latest&quot; always means the newest version and cannot be set or removed</source>
        <translation>„latest“ bezeichnet immer die neueste Version und kann weder gesetzt noch entfernt werden</translation>
    </message>
    <message>
        <source>a label is 1 to 32 characters of a-z, 0-9, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ein Label besteht aus 1 bis 32 der Zeichen a-z, 0-9, &apos;_&apos; und &apos;-&apos;</translation>
    </message>
</context>
<context>
    <name>PromptTemplate</name>
    <message numerus="yes">
        <source>no value for %n variable(s): %1</source>
        <translation>
            <numerusform>kein Wert für %n Variable: %1</numerusform>
            <numerusform>keine Werte für %n Variablen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
</context>
<context>
    <name>PromptVersionBar</name>
    <message>
        <source>prompt name</source>
        <translation>Prompt-Name</translation>
    </message>
    <message>
        <source>Prompt: </source>
        <translation>Prompt: </translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <source>Label…</source>
        <translation>Label setzen…</translation>
    </message>
    <message>
        <source>Compare versions…</source>
        <translation>Versionen vergleichen…</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Save prompt</source>
        <translation>Prompt speichern</translation>
    </message>
    <message>
        <source>Name of the prompt:</source>
        <translation>Name des Prompts:</translation>
    </message>
    <message>
        <source>Save version of %1</source>
        <translation>Version von %1 speichern</translation>
    </message>
    <message>
        <source>What changed (optional):</source>
        <translation>Was hat sich geändert (optional):</translation>
    </message>
    <message>
        <source>Saved %1 version %2.</source>
        <translation>Version %2 von %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save the prompt first, then label one of its versions.</source>
        <translation>Speichern Sie zuerst den Prompt und versehen Sie dann eine seiner Versionen mit einem Label.</translation>
    </message>
    <message>
        <source>Label version %1</source>
        <translation>Label für Version %1</translation>
    </message>
    <message>
        <source>Label (e.g. production, staging); it moves from any other version:</source>
        <translation>Label (z. B. production, staging); trägt eine andere Version dieses Label, wird es hierher verschoben:</translation>
    </message>
    <message>
        <source>This prompt has fewer than two saved versions to compare.</source>
        <translation>Dieser Prompt hat weniger als zwei gespeicherte Versionen, die sich vergleichen lassen.</translation>
    </message>
</context>
<context>
    <name>ProviderOptions</name>
    <message>
        <source>Model provider: openai or bedrock.</source>
        <translation>Modellanbieter: openai oder bedrock.</translation>
    </message>
    <message>
        <source>Model id, e.g. anthropic.claude-3-haiku-20240307-v1:0.</source>
        <translation>Modell-ID, z. B. anthropic.claude-3-haiku-20240307-v1:0.</translation>
    </message>
    <message>
        <source>OpenAI-compatible base URL, e.g. http://localhost:11434/v1.</source>
        <translation>OpenAI-kompatible Basis-URL, z. B. http://localhost:11434/v1.</translation>
    </message>
    <message>
        <source>AWS region for Bedrock.</source>
        <translation>AWS-Region für Bedrock.</translation>
    </message>
    <message>
        <source>Bedrock endpoint override, e.g. a local test server.</source>
        <translation>Abweichender Bedrock-Endpoint, z. B. ein lokaler Testserver.</translation>
    </message>
    <message>
        <source>Connection profile whose secrets are in the OS keyring.</source>
        <translation>Verbindungsprofil, dessen Zugangsdaten im Schlüsselbund des Betriebssystems liegen.</translation>
    </message>
    <message>
        <source>Seconds to wait for a first byte and between chunks (default 60).</source>
        <translation>Wartezeit in Sekunden auf das erste Byte und zwischen den Datenblöcken (Standard: 60).</translation>
    </message>
    <message>
        <source>Retries on throttling and server errors (default 3).</source>
        <translation>Wiederholungen bei Drosselung und Serverfehlern (Standard: 3).</translation>
    </message>
    <message>
        <source>--%1 expects seconds &gt; 0</source>
        <translation>--%1 erwartet eine Sekundenzahl &gt; 0</translation>
    </message>
    <message>
        <source>--%1 expects 0 to 20</source>
        <translation>--%1 erwartet einen Wert von 0 bis 20</translation>
    </message>
    <message>
        <source>genaiops: warning: profile &quot;%1&quot; does not verify TLS certificates (verify_tls is no): whoever sits between here and the service can read and change this traffic</source>
        <translation>genaiops: Warnung: Profil &quot;%1&quot; prüft keine TLS-Zertifikate (verify_tls ist no): wer zwischen hier und dem Dienst sitzt, kann diesen Verkehr lesen und ändern</translation>
    </message>
    <message>
        <source>Bedrock guardrail every call goes through, ID:VERSION.</source>
        <translation>Bedrock-Guardrail, über den jeder Aufruf läuft, ID:VERSION.</translation>
    </message>
    <message>
        <source>Guardrail trace: enabled (default), disabled or enabled_full.</source>
        <translation>Guardrail-Trace: enabled (Standard), disabled oder enabled_full.</translation>
    </message>
    <message>
        <source>Knowledge Base id (provider bedrock-kb).</source>
        <translation>Knowledge-Base-ID (Anbieter bedrock-kb).</translation>
    </message>
    <message>
        <source>Model ARN a Knowledge Base answers with.</source>
        <translation>Modell-ARN, mit dem eine Knowledge Base antwortet.</translation>
    </message>
    <message>
        <source>Passages a Knowledge Base retrieves (1-100, default 5).</source>
        <translation>Anzahl der Textstellen, die eine Knowledge Base abruft (1-100, Standard: 5).</translation>
    </message>
    <message>
        <source>Knowledge Base search: hybrid or semantic (default: its own).</source>
        <translation>Suchart der Knowledge Base: hybrid oder semantic (Standard: ihre eigene Einstellung).</translation>
    </message>
    <message>
        <source>Retrieve passages from the Knowledge Base, no answer.</source>
        <translation>Nur Textstellen aus der Knowledge Base abrufen, keine Antwort erzeugen.</translation>
    </message>
</context>
<context>
    <name>ProviderSelection</name>
    <message>
        <source>no connection profile named &quot;%1&quot; (see `genaiops credentials list`)</source>
        <translation>kein Verbindungsprofil namens „%1“ (siehe `genaiops credentials list`)</translation>
    </message>
    <message>
        <source>--model is required</source>
        <translation>--model ist erforderlich</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; is not an OpenAI-compatible profile</source>
        <translation>Profil „%1“ ist kein OpenAI-kompatibles Profil</translation>
    </message>
    <message>
        <source>--base-url is required for an OpenAI-compatible endpoint (e.g. http://localhost:11434/v1)</source>
        <translation>--base-url ist für einen OpenAI-kompatiblen Endpoint erforderlich (z. B. http://localhost:11434/v1)</translation>
    </message>
    <message>
        <source>--base-url &quot;%1&quot; is not an http(s) URL</source>
        <translation>--base-url „%1“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; is not an AWS profile</source>
        <translation>Profil „%1“ ist kein AWS-Profil</translation>
    </message>
    <message>
        <source>--region is required for Bedrock (or set AWS_REGION)</source>
        <translation>--region ist für Bedrock erforderlich (oder setzen Sie AWS_REGION)</translation>
    </message>
    <message>
        <source>--endpoint-url &quot;%1&quot; is not an http(s) URL</source>
        <translation>--endpoint-url „%1“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; has no AWS keys in the keyring</source>
        <translation>Profil „%1“ hat keine AWS-Schlüssel im Schlüsselbund</translation>
    </message>
    <message>
        <source>a guardrail needs Amazon Bedrock: --guardrail does not apply to an OpenAI-compatible provider</source>
        <translation>ein Guardrail erfordert Amazon Bedrock: --guardrail gilt nicht für einen OpenAI-kompatiblen Anbieter</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot; (expected openai, bedrock or bedrock-kb)</source>
        <translation>unbekannter Anbieter „%1“ (erwartet: openai, bedrock oder bedrock-kb)</translation>
    </message>
    <message>
        <source>--knowledge-base ID is required for the provider bedrock-kb</source>
        <translation>--knowledge-base ID ist für den Anbieter bedrock-kb erforderlich</translation>
    </message>
    <message>
        <source>--model-arn is required to generate answers from a Knowledge Base (or use --retrieve-only): e.g. arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0</source>
        <translation>--model-arn ist erforderlich, um Antworten aus einer Knowledge Base zu erzeugen (oder verwenden Sie --retrieve-only): z. B. arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0</translation>
    </message>
    <message>
        <source>--model-arn &quot;%1&quot; is not an ARN (arn:aws:bedrock:REGION::foundation-model/MODEL)</source>
        <translation>--model-arn „%1“ ist kein ARN (arn:aws:bedrock:REGION::foundation-model/MODEL)</translation>
    </message>
    <message>
        <source>--results expects 1 to 100</source>
        <translation>--results erwartet einen Wert von 1 bis 100</translation>
    </message>
    <message>
        <source>--search expects hybrid or semantic, not &quot;%1&quot;</source>
        <translation>--search erwartet hybrid oder semantic, nicht „%1“</translation>
    </message>
    <message>
        <source>choose a provider: --provider openai, --provider bedrock or --provider bedrock-kb</source>
        <translation>Anbieter wählen: --provider openai, --provider bedrock oder --provider bedrock-kb</translation>
    </message>
</context>
<context>
    <name>RecordingRepository</name>
    <message>
        <source>a recording needs a name</source>
        <translation>eine Aufzeichnung benötigt einen Namen</translation>
    </message>
    <message>
        <source>a recording named &quot;%1&quot; exists already; choose another name</source>
        <translation>eine Aufzeichnung namens „%1“ existiert bereits; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>there is no recording named &quot;%1&quot;</source>
        <translation>es gibt keine Aufzeichnung namens „%1“</translation>
    </message>
</context>
<context>
    <name>RegistryAuditCommand</name>
    <message>
        <source>registry audit takes at most one GROUP</source>
        <translation>registry audit erwartet höchstens eine GROUP</translation>
    </message>
    <message>
        <source>Audit trail ok: %1 entries, chain intact (head %2).</source>
        <translation>Prüfpfad in Ordnung: %1 Einträge, Kette intakt (Kopf %2).</translation>
    </message>
    <message>
        <source>audit trail broken at entry %1 (%2): %3</source>
        <translation>Prüfpfad bei Eintrag %1 beschädigt (%2): %3</translation>
    </message>
    <message>
        <source>registry audit GROUP --in-stage STAGE --at DATE: all three are needed</source>
        <translation>registry audit GROUP --in-stage STAGE --at DATE: alle drei Angaben sind erforderlich</translation>
    </message>
    <message>
        <source>--at expects YYYY-MM-DD or an ISO-8601 time such as 2024-05-03T14:00:00Z</source>
        <translation>--at erwartet YYYY-MM-DD oder eine ISO-8601-Zeitangabe wie 2024-05-03T14:00:00Z</translation>
    </message>
    <message>
        <source>genaiops: warning: the audit trail is broken (see `registry audit --verify`); this answer may be wrong
</source>
        <translation>genaiops: Warnung: Der Prüfpfad ist beschädigt (siehe `registry audit --verify`); diese Antwort ist möglicherweise falsch
</translation>
    </message>
    <message>
        <source>No version of %1 was in %2 at %3.</source>
        <translation>Zum Zeitpunkt %3 war keine Version von %1 in %2.</translation>
    </message>
    <message>
        <source>In %1 at %2: %3 %4</source>
        <translation>In %1 zum Zeitpunkt %2: %3 %4</translation>
    </message>
    <message>
        <source>No decisions recorded yet.</source>
        <translation>Noch keine Entscheidungen festgehalten.</translation>
    </message>
    <message>
        <source> [override: %1]</source>
        <translation> [Ausnahme: %1]</translation>
    </message>
</context>
<context>
    <name>RegistryBackendChooser</name>
    <message>
        <source>Workspace registry</source>
        <translation>Register im Arbeitsbereich</translation>
    </message>
    <message>
        <source>MLflow registry</source>
        <translation>MLflow-Register</translation>
    </message>
    <message>
        <source>Tracking server URL:</source>
        <translation>URL des Tracking-Servers:</translation>
    </message>
    <message>
        <source>Add an AWS connection on the Connections page first.</source>
        <translation>Legen Sie zuerst auf der Seite „Verbindungen“ eine AWS-Verbindung an.</translation>
    </message>
    <message>
        <source>Amazon SageMaker Model Registry</source>
        <translation>Amazon SageMaker Model Registry</translation>
    </message>
    <message>
        <source>AWS connection:</source>
        <translation>AWS-Verbindung:</translation>
    </message>
    <message>
        <source>SageMaker (%1, %2)</source>
        <translation>SageMaker (%1, %2)</translation>
    </message>
</context>
<context>
    <name>RegistryBackends</name>
    <message>
        <source>the workspace registry needs an open workspace</source>
        <translation>das Register im Arbeitsbereich benötigt einen geöffneten Arbeitsbereich</translation>
    </message>
    <message>
        <source>the %1 registry backend is not available in this build</source>
        <translation>das Register-Backend %1 ist in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>unknown registry backend &quot;%1&quot; (expected %2)</source>
        <translation>unbekanntes Register-Backend „%1“ (erwartet: %2)</translation>
    </message>
</context>
<context>
    <name>RegistryCommand</name>
    <message>
        <source>registry groups
registry versions GROUP [--status pending|approved|rejected]
registry show GROUP VERSION
registry inbox                       versions waiting for your decision
registry register GROUP --artifact URI [--metric K=V]... [--eval-run RUN_ID]... [--description D]
registry approve GROUP VERSION [--comment C] [--stage S] [--dry-run] [--expected-modified-at T]
registry reject GROUP VERSION --comment C [--dry-run] [--expected-modified-at T]
registry promote GROUP VERSION --to STAGE [--comment C] [--override-reason R] [--dry-run] [--expected-modified-at T]
registry audit [GROUP] [--verify] [--in-stage STAGE --at DATE]
Shared: [--backend workspace|sagemaker|mlflow] [--region R] [--endpoint-url URL] [--tracking-uri URL]
        [--profile NAME] [--as USER] [--role ROLE] [--json]</source>
        <translation>registry groups
registry versions GROUP [--status pending|approved|rejected]
registry show GROUP VERSION
registry inbox                       Versionen, die auf Ihre Entscheidung warten
registry register GROUP --artifact URI [--metric K=V]... [--eval-run RUN_ID]... [--description D]
registry approve GROUP VERSION [--comment C] [--stage S] [--dry-run] [--expected-modified-at T]
registry reject GROUP VERSION --comment C [--dry-run] [--expected-modified-at T]
registry promote GROUP VERSION --to STAGE [--comment C] [--override-reason R] [--dry-run] [--expected-modified-at T]
registry audit [GROUP] [--verify] [--in-stage STAGE --at DATE]
Global: [--backend workspace|sagemaker|mlflow] [--region R] [--endpoint-url URL] [--tracking-uri URL]
        [--profile NAME] [--as USER] [--role ROLE] [--json]</translation>
    </message>
    <message>
        <source>--as works on the workspace backend only; a remote registry knows you by your credentials</source>
        <translation>--as funktioniert nur mit dem Backend workspace; ein entferntes Register erkennt Sie an Ihren Zugangsdaten</translation>
    </message>
    <message>
        <source>--%1 does not apply to the %2 backend</source>
        <translation>--%1 gilt nicht für das Backend %2</translation>
    </message>
    <message>
        <source>no connection profile named &quot;%1&quot; (see `genaiops credentials list`)</source>
        <translation>kein Verbindungsprofil namens „%1“ (siehe `genaiops credentials list`)</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; is not an AWS profile</source>
        <translation>Profil „%1“ ist kein AWS-Profil</translation>
    </message>
    <message>
        <source>--region is required for SageMaker (or set AWS_REGION)</source>
        <translation>--region ist für SageMaker erforderlich (oder setzen Sie AWS_REGION)</translation>
    </message>
    <message>
        <source>--tracking-uri is required for MLflow (or set MLFLOW_TRACKING_URI)</source>
        <translation>--tracking-uri ist für MLflow erforderlich (oder setzen Sie MLFLOW_TRACKING_URI)</translation>
    </message>
    <message>
        <source>workspace (default), sagemaker or mlflow.</source>
        <translation>workspace (Standard), sagemaker oder mlflow.</translation>
    </message>
    <message>
        <source>AWS region for SageMaker.</source>
        <translation>AWS-Region für SageMaker.</translation>
    </message>
    <message>
        <source>SageMaker endpoint override, e.g. a local test server.</source>
        <translation>Abweichender SageMaker-Endpoint, z. B. ein lokaler Testserver.</translation>
    </message>
    <message>
        <source>MLflow tracking server.</source>
        <translation>MLflow-Tracking-Server.</translation>
    </message>
    <message>
        <source>Connection profile whose secrets are in the OS keyring.</source>
        <translation>Verbindungsprofil, dessen Zugangsdaten im Schlüsselbund des Betriebssystems liegen.</translation>
    </message>
    <message>
        <source>Act as this user (workspace backend only; recorded in the audit).</source>
        <translation>Als dieser Benutzer handeln (nur Backend workspace; wird im Prüfpfad festgehalten).</translation>
    </message>
    <message>
        <source>Act in this role: data-scientist, ai-engineer, governance-officer, viewer.</source>
        <translation>In dieser Rolle handeln: data-scientist, ai-engineer, governance-officer, viewer.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Only versions with this approval status.</source>
        <translation>Nur Versionen mit diesem Freigabestatus.</translation>
    </message>
    <message>
        <source>Where the model artifact is (s3://…, file path, URI).</source>
        <translation>Speicherort des Modellartefakts (s3://…, Dateipfad, URI).</translation>
    </message>
    <message>
        <source>A metric NAME=NUMBER (repeatable).</source>
        <translation>Eine Metrik NAME=NUMBER (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Link an evaluation run of this workspace (repeatable).</source>
        <translation>Einen Evaluierungsdurchlauf dieses Arbeitsbereichs verknüpfen (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>What the version is.</source>
        <translation>Beschreibung der Version.</translation>
    </message>
    <message>
        <source>Why (required for rejections and Prod decisions).</source>
        <translation>Begründung (erforderlich bei Ablehnungen und Prod-Entscheidungen).</translation>
    </message>
    <message>
        <source>The stage to approve for (default: the one the version waits for).</source>
        <translation>Stufe, für die freigegeben wird (Standard: die Stufe, auf die die Version wartet).</translation>
    </message>
    <message>
        <source>The stage to promote to: Dev, Test, Prod or Archived.</source>
        <translation>Stufe, auf die hochgestuft wird: Dev, Test, Prod oder Archived.</translation>
    </message>
    <message>
        <source>Why Prod may go ahead without a passing evaluation run.</source>
        <translation>Begründung, warum Prod ohne bestandenen Evaluierungsdurchlauf erfolgen darf.</translation>
    </message>
    <message>
        <source>Only show the policy check; change nothing.</source>
        <translation>Nur die Richtlinienprüfung anzeigen; nichts ändern.</translation>
    </message>
    <message>
        <source>Refuse if the version changed after this modified_at (from `show --json`).</source>
        <translation>Verweigern, wenn sich die Version nach diesem modified_at (aus `show --json`) geändert hat.</translation>
    </message>
    <message>
        <source>Recompute the audit chain and report the first broken entry.</source>
        <translation>Die Kette des Prüfpfads neu berechnen und den ersten beschädigten Eintrag melden.</translation>
    </message>
    <message>
        <source>Which version was in this stage …</source>
        <translation>Welche Version in dieser Stufe war …</translation>
    </message>
    <message>
        <source>… at this time: YYYY-MM-DD (end of that day, local time) or ISO-8601.</source>
        <translation>… zu diesem Zeitpunkt: YYYY-MM-DD (Ende dieses Tages, Ortszeit) oder ISO-8601.</translation>
    </message>
    <message>
        <source>registry: expected one of:
%1</source>
        <translation>registry: einer der folgenden Befehle erwartet:
%1</translation>
    </message>
    <message>
        <source>registry %1 does not take --%2</source>
        <translation>registry %1 akzeptiert --%2 nicht</translation>
    </message>
    <message>
        <source>--role must be data-scientist, ai-engineer, governance-officer or viewer</source>
        <translation>--role muss data-scientist, ai-engineer, governance-officer oder viewer sein</translation>
    </message>
    <message>
        <source>--backend must be one of %1</source>
        <translation>--backend muss einer der folgenden Werte sein: %1</translation>
    </message>
</context>
<context>
    <name>RegistryDecisionCommands</name>
    <message>
        <source>registry register expects one GROUP</source>
        <translation>registry register erwartet genau eine GROUP</translation>
    </message>
    <message>
        <source>registry register: --artifact URI is required</source>
        <translation>registry register: --artifact URI ist erforderlich</translation>
    </message>
    <message>
        <source>--metric expects NAME=NUMBER, not &quot;%1&quot;</source>
        <translation>--metric erwartet NAME=NUMBER, nicht „%1“</translation>
    </message>
    <message>
        <source>--eval-run expects a RUN_ID (see `genaiops eval list`), not &quot;%1&quot;</source>
        <translation>--eval-run erwartet eine RUN_ID (siehe `genaiops eval list`), nicht „%1“</translation>
    </message>
    <message>
        <source>Registered %1 version %2 by %3, pending approval for %4.</source>
        <translation>%1 Version %2 von %3 registriert; Freigabe für %4 ausstehend.</translation>
    </message>
    <message>
        <source>registry promote: --to STAGE is required (Dev, Test, Prod or Archived)</source>
        <translation>registry promote: --to STAGE ist erforderlich (Dev, Test, Prod oder Archived)</translation>
    </message>
    <message>
        <source>%1 version %2 is now %3 in %4 (audit entry %5).</source>
        <translation>%1 Version %2 ist jetzt %3 in %4 (Prüfpfad-Eintrag %5).</translation>
    </message>
    <message>
        <source>Version %1 left Prod and is archived.</source>
        <translation>Version %1 hat Prod verlassen und ist archiviert.</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Nachweis: %1</translation>
    </message>
    <message>
        <source>Allowed.</source>
        <translation>Zulässig.</translation>
    </message>
    <message>
        <source>Refused by rule %1.</source>
        <translation>Von Regel %1 verweigert.</translation>
    </message>
</context>
<context>
    <name>RegistryInvocation</name>
    <message>
        <source>--as needs a user name</source>
        <translation>--as benötigt einen Benutzernamen</translation>
    </message>
    <message>
        <source>--role must be data-scientist, ai-engineer, governance-officer or viewer</source>
        <translation>--role muss data-scientist, ai-engineer, governance-officer oder viewer sein</translation>
    </message>
    <message>
        <source>registry %1 expects GROUP VERSION, e.g. `registry %1 support-rag-assistant 3`</source>
        <translation>registry %1 erwartet GROUP VERSION, z. B. `registry %1 support-rag-assistant 3`</translation>
    </message>
    <message>
        <source>--%1 must be Dev, Test, Prod or Archived</source>
        <translation>--%1 muss Dev, Test, Prod oder Archived sein</translation>
    </message>
    <message>
        <source>--%1 is refused in a team workspace: you act as the database role you logged in with (%2), in the workbench role an admin granted it</source>
        <translation>--%1 wird in einem Team-Arbeitsbereich abgelehnt: Sie handeln als die Datenbankrolle, mit der Sie angemeldet sind (%2), in der Workbench-Rolle, die ein Admin ihr gegeben hat</translation>
    </message>
</context>
<context>
    <name>RegistryJobs</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>RegistryPanel</name>
    <message>
        <source>The role you decide in. On a single-user workspace file this is a label recorded in the audit trail, not a security boundary.</source>
        <translation>Die Rolle, in der Sie entscheiden. In einer Arbeitsbereichsdatei für eine einzelne Person ist sie nur eine Angabe im Prüfpfad, keine Sicherheitsgrenze.</translation>
    </message>
    <message>
        <source>Waiting for my decision</source>
        <translation>Wartet auf meine Entscheidung</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Prüfpfad…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Promote…</source>
        <translation>Hochstufen…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>You are &lt;b&gt;%1&lt;/b&gt;, deciding as</source>
        <translation>Sie sind &lt;b&gt;%1&lt;/b&gt; und entscheiden als</translation>
    </message>
    <message>
        <source>Waiting for my decision (%1)</source>
        <translation>Wartet auf meine Entscheidung (%1)</translation>
    </message>
    <message>
        <source>Workspace registry</source>
        <translation>Register im Arbeitsbereich</translation>
    </message>
    <message>
        <source>Amazon SageMaker…</source>
        <translation>Amazon SageMaker…</translation>
    </message>
    <message>
        <source>MLflow…</source>
        <translation>MLflow…</translation>
    </message>
    <message>
        <source>Where the model versions live. Decisions are always recorded in this workspace&apos;s audit trail.</source>
        <translation>Wo die Modellversionen liegen. Entscheidungen werden immer im Prüfpfad dieses Arbeitsbereichs festgehalten.</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <source>Registry: %1, as %2</source>
        <translation>Register: %1, als %2</translation>
    </message>
    <message>
        <source>Stopped waiting for the registry.</source>
        <translation>Das Warten auf das Register wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>Warte auf %1…</translation>
    </message>
    <message>
        <source>MLflow</source>
        <translation>MLflow</translation>
    </message>
    <message>
        <source>SageMaker</source>
        <translation>SageMaker</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the remote registry</source>
        <translation>Nicht länger auf das entfernte Register warten</translation>
    </message>
    <message>
        <source>No model groups yet</source>
        <translation>Noch keine Modellgruppen</translation>
    </message>
    <message>
        <source>Register a version with &lt;code&gt;genaiops registry register GROUP --artifact URI --eval-run RUN_ID&lt;/code&gt;, or add demo content from the File menu.</source>
        <translation>Registrieren Sie eine Version mit &lt;code&gt;genaiops registry register GROUP --artifact URI --eval-run RUN_ID&lt;/code&gt; oder fügen Sie über das Menü „Datei“ Demoinhalte hinzu.</translation>
    </message>
    <message>
        <source>Nothing waits for your decision</source>
        <translation>Nichts wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>This group has no versions</source>
        <translation>Diese Gruppe hat keine Versionen</translation>
    </message>
    <message>
        <source>You are &lt;b&gt;%1&lt;/b&gt;, %2 in this team workspace</source>
        <translation>Sie sind &lt;b&gt;%1&lt;/b&gt;, %2 in diesem Team-Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>RegistryService</name>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
    <message>
        <source>archived: version %1 replaced it in Prod</source>
        <translation>archiviert: Version %1 hat sie in Prod ersetzt</translation>
    </message>
    <message>
        <source>version %1 is in Prod, but archiving version %2 failed: %3</source>
        <translation>Version %1 ist in Prod, aber das Archivieren von Version %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>refused by rule role: a viewer cannot register versions</source>
        <translation>von Regel role verweigert: Ein viewer kann keine Versionen registrieren</translation>
    </message>
    <message>
        <source>registering needs to know who registers</source>
        <translation>zum Registrieren muss bekannt sein, wer registriert</translation>
    </message>
    <message>
        <source>there is no evaluation run %1 in this workspace (see `genaiops eval list`)</source>
        <translation>in diesem Arbeitsbereich gibt es keinen Evaluierungsdurchlauf %1 (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>refused by rule %1: %2</source>
        <translation>von Regel %1 verweigert: %2</translation>
    </message>
    <message>
        <source>also %1</source>
        <translation>außerdem %1</translation>
    </message>
    <message>
        <source>%1 v%2 was rejected.</source>
        <translation>%1 v%2 wurde abgelehnt.</translation>
    </message>
    <message>
        <source>%1 v%2 is now in %3.</source>
        <translation>%1 v%2 ist jetzt in %3.</translation>
    </message>
    <message>
        <source>%1 v%2 is approved in %3.</source>
        <translation>%1 v%2 ist in %3 freigegeben.</translation>
    </message>
    <message>
        <source>%1 v%2 waits for approval in %3.</source>
        <translation>%1 v%2 wartet in %3 auf Freigabe.</translation>
    </message>
    <message>
        <source> v%1 left %2 (archived).</source>
        <translation> v%1 hat %2 verlassen (archiviert).</translation>
    </message>
    <message>
        <source>in a team workspace your role is the one an admin granted you (genaiops workspace grant)</source>
        <translation>in einem Team-Arbeitsbereich ist Ihre Rolle die, die ein Admin Ihnen gegeben hat (genaiops workspace grant)</translation>
    </message>
    <message>
        <source>someone decided first: %1 — %2 (you loaded the version as of %3; it was changed at %4)</source>
        <translation>jemand hat zuerst entschieden: %1 — %2 (Sie haben die Version mit Stand %3 geladen; sie wurde um %4 geändert)</translation>
    </message>
    <message>
        <source>%1 (%2) chose %3 at %4, leaving it %5%6</source>
        <translation>%1 (%2) wählte %3 um %4, Ergebnis: %5%6</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <source>the version is now %1</source>
        <translation>die Version ist jetzt %1</translation>
    </message>
</context>
<context>
    <name>RegistryViewCommands</name>
    <message>
        <source>registry groups takes no arguments</source>
        <translation>registry groups erwartet keine Argumente</translation>
    </message>
    <message>
        <source>No model groups yet. Register a version with: genaiops registry register GROUP --artifact URI</source>
        <translation>Noch keine Modellgruppen. Registrieren Sie eine Version mit: genaiops registry register GROUP --artifact URI</translation>
    </message>
    <message>
        <source>%1	%2 versions, %3 pending	%4</source>
        <translation>%1	%2 Versionen, %3 ausstehend	%4</translation>
    </message>
    <message>
        <source>registry versions expects one GROUP</source>
        <translation>registry versions erwartet genau eine GROUP</translation>
    </message>
    <message>
        <source>--status must be PendingManualApproval (pending), Approved or Rejected</source>
        <translation>--status muss PendingManualApproval (pending), Approved oder Rejected sein</translation>
    </message>
    <message>
        <source>No versions in &quot;%1&quot;%2.</source>
        <translation>Keine Versionen in „%1“%2.</translation>
    </message>
    <message>
        <source> with that status</source>
        <translation> mit diesem Status</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
    <message>
        <source>  Status:      %1, stage %2 (%3)</source>
        <translation>  Status:       %1, Stufe %2 (%3)</translation>
    </message>
    <message>
        <source>  Waiting for: %1</source>
        <translation>  Wartet auf:   %1</translation>
    </message>
    <message>
        <source>a %1 decision</source>
        <translation>eine %1-Entscheidung</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>  Artifact:    %1</source>
        <translation>  Artefakt:     %1</translation>
    </message>
    <message>
        <source>  Description: %1</source>
        <translation>  Beschreibung: %1</translation>
    </message>
    <message>
        <source>  Registered:  %1 by %2</source>
        <translation>  Registriert:  %1 von %2</translation>
    </message>
    <message>
        <source>  Metrics:     %1</source>
        <translation>  Metriken:     %1</translation>
    </message>
    <message>
        <source>  Evidence:    %1</source>
        <translation>  Nachweis:     %1</translation>
    </message>
    <message>
        <source>  #%1 %2 %3 (%4) %5: %6 %7</source>
        <translation>  #%1 %2 %3 (%4) %5: %6 %7</translation>
    </message>
    <message>
        <source>registry inbox takes no arguments</source>
        <translation>registry inbox erwartet keine Argumente</translation>
    </message>
    <message>
        <source>Nothing waits for a decision by %1 as %2.</source>
        <translation>Nichts wartet auf eine Entscheidung von %1 als %2.</translation>
    </message>
    <message>
        <source>%1 v%2	waits for %3	registered by %4	%5</source>
        <translation>%1 v%2	wartet auf %3	registriert von %4	%5</translation>
    </message>
    <message>
        <source>               judge against people: %1</source>
        <translation>                Judge im Vergleich zu Menschen: %1</translation>
    </message>
</context>
<context>
    <name>ResponsePane</name>
    <message>
        <source>Connection profile (see Connections)</source>
        <translation>Verbindungsprofil (siehe Verbindungen)</translation>
    </message>
    <message>
        <source>model id, e.g. anthropic.claude-3-haiku-20240307-v1:0</source>
        <translation>Modell-ID, z. B. anthropic.claude-3-haiku-20240307-v1:0</translation>
    </message>
    <message>
        <source>The answer streams here.</source>
        <translation>Hier wird die Antwort gestreamt.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this response</source>
        <translation>Diese Antwort kopieren</translation>
    </message>
    <message>
        <source>Tokens in / out:</source>
        <translation>Eingabe-/Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>First token / total:</source>
        <translation>Erstes Token / gesamt:</translation>
    </message>
    <message>
        <source>Tokens per second:</source>
        <translation>Tokens pro Sekunde:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>Stop reason:</source>
        <translation>Stoppgrund:</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>Waiting for the first token…</source>
        <translation>Warten auf das erste Token…</translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation>Wird gestreamt…</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s (attempt %3)</source>
        <translation>%1 — Wiederholung in %2 s (Versuch %3)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>guardrail ID:VERSION (Bedrock, optional)</source>
        <translation>Guardrail ID:VERSION (Bedrock, optional)</translation>
    </message>
    <message>
        <source>Every call of this column goes through this Bedrock guardrail, e.g. gr1abc2def3g:1 or gr1abc2def3g:DRAFT; saved with the prompt version</source>
        <translation>Jeder Aufruf dieser Spalte läuft über diesen Bedrock-Guardrail, z. B. gr1abc2def3g:1 oder gr1abc2def3g:DRAFT; wird mit der Prompt-Version gespeichert</translation>
    </message>
    <message>
        <source>Knowledge Base id (optional)</source>
        <translation>Knowledge-Base-ID (optional)</translation>
    </message>
    <message>
        <source>Answer from this Bedrock Knowledge Base (retrieve and generate); the model field then holds the model ARN, e.g. arn:aws:bedrock:us-east-1::foundation-model/…</source>
        <translation>Aus dieser Bedrock Knowledge Base antworten (Abrufen und Generieren); das Modellfeld enthält dann den Modell-ARN, z. B. arn:aws:bedrock:us-east-1::foundation-model/…</translation>
    </message>
    <message>
        <source>model ARN, e.g. arn:aws:bedrock:us-east-1::foundation-model/…</source>
        <translation>Modell-ARN, z. B. arn:aws:bedrock:us-east-1::foundation-model/…</translation>
    </message>
    <message>
        <source>The guardrail intervened: what it let through is shown above.</source>
        <translation>Der Guardrail hat eingegriffen: Oben steht, was er durchgelassen hat.</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: lexical metric; passes at %2 or more</source>
        <translation>%1: lexikalische Metrik; bestanden ab %2</translation>
    </message>
    <message>
        <source>%1: judge metric; passes at %2 or more</source>
        <translation>%1: Judge-Metrik; bestanden ab %2</translation>
    </message>
    <message>
        <source>lowest: %1</source>
        <translation>niedrigster: %1</translation>
    </message>
    <message>
        <source>Each item&apos;s lowest score over every metric: sorted by it, the worst items come first</source>
        <translation>Der niedrigste Wert jedes Eintrags über alle Metriken: danach sortiert, kommen die schlechtesten Einträge zuerst</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Min.</translation>
    </message>
</context>
<context>
    <name>RetrievalProtocol</name>
    <message>
        <source>no Knowledge Base given (--knowledge-base ID)</source>
        <translation>keine Knowledge Base angegeben (--knowledge-base ID)</translation>
    </message>
    <message>
        <source>the query is empty</source>
        <translation>die Anfrage ist leer</translation>
    </message>
    <message>
        <source>the query has %1 characters; a Knowledge Base takes at most %2</source>
        <translation>die Anfrage hat %1 Zeichen; eine Knowledge Base nimmt höchstens %2 an</translation>
    </message>
    <message>
        <source>the Retrieve answer has no list of retrievalResults: &quot;%1&quot;</source>
        <translation>die Retrieve-Antwort enthält keine Liste retrievalResults: „%1“</translation>
    </message>
    <message>
        <source>a Retrieve result is not an object</source>
        <translation>ein Retrieve-Ergebnis ist kein Objekt</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review run %1</source>
        <translation>Durchlauf %1 prüfen</translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation>Zufallsstichprobe</translation>
    </message>
    <message>
        <source>Stratified by score</source>
        <translation>Nach Bewertung geschichtet</translation>
    </message>
    <message>
        <source>Unstable items</source>
        <translation>Instabile Einträge</translation>
    </message>
    <message>
        <source>Random: what the corrected mean needs. Stratified: equal numbers from each fifth of the score range. Unstable: items whose repeated judge calls disagreed (repeated runs only).</source>
        <translation>Zufallsstichprobe: das, was der korrigierte Mittelwert braucht. Geschichtet: gleich viele Einträge aus jedem Fünftel des Bewertungsbereichs. Instabil: Einträge, bei denen wiederholte Judge-Aufrufe uneinig waren (nur bei Durchläufen mit Wiederholungen).</translation>
    </message>
    <message>
        <source> items</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blindprüfung</translation>
    </message>
    <message>
        <source>Hide the judge&apos;s verdict and explanation until your label is saved</source>
        <translation>Urteil und Begründung des Judge-Modells ausblenden, bis Ihr Label gespeichert ist</translation>
    </message>
    <message>
        <source>Start queue</source>
        <translation>Warteschlange starten</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>%v of %m labelled</source>
        <translation>%v von %m gelabelt</translation>
    </message>
    <message>
        <source>Choose a metric and a sampling, then Start queue.</source>
        <translation>Wählen Sie eine Metrik und eine Stichprobenart und klicken Sie dann auf „Warteschlange starten“.</translation>
    </message>
    <message>
        <source>Comment (optional): why it passes or fails</source>
        <translation>Kommentar (optional): warum der Eintrag besteht oder nicht</translation>
    </message>
    <message>
        <source>Pass (P)</source>
        <translation>Bestanden (P)</translation>
    </message>
    <message>
        <source>Fail (F)</source>
        <translation>Nicht bestanden (F)</translation>
    </message>
    <message>
        <source>Save score (S)</source>
        <translation>Bewertung speichern (S)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>Weiter (N) ▶</translation>
    </message>
    <message>
        <source>or a score</source>
        <translation>oder eine Bewertung</translation>
    </message>
    <message>
        <source>&lt;p&gt;No unstable item is left for you: every item whose repeated judge calls disagreed on %1 has your label, or none disagreed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Für Sie ist kein instabiler Eintrag mehr übrig: Jeder Eintrag, bei dem wiederholte Judge-Aufrufe für %1 uneinig waren, trägt Ihr Label, oder es gab keine Uneinigkeit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing left to review: every item with a judge score for %1 has your label.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nichts mehr zu prüfen: Jeder Eintrag mit einer Bewertung des Judge-Modells für %1 trägt Ihr Label.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your label:&lt;/b&gt; %1%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ihr Label:&lt;/b&gt; %1%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Blind review: the judge&apos;s verdict and explanation stay hidden until you save your label.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Blindprüfung: Urteil und Begründung des Judge-Modells bleiben verborgen, bis Sie Ihr Label speichern.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Judge:&lt;/b&gt; %1 — %2 (threshold %3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Judge:&lt;/b&gt; %1 — %2 (Schwellenwert %3)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>&lt;p&gt;You and the judge agree.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie und das Judge-Modell stimmen überein.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You and the judge disagree.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sie und das Judge-Modell sind sich uneinig.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Labelling as &lt;b&gt;%1&lt;/b&gt;. Labels are stored as you give them; labelling an item again replaces your earlier label.</source>
        <translation>Sie labeln als &lt;b&gt;%1&lt;/b&gt;. Labels werden sofort gespeichert; erneutes Labeln eines Eintrags ersetzt Ihr früheres Label.</translation>
    </message>
    <message>
        <source>Labelling &lt;b&gt;%1&lt;/b&gt; as &lt;b&gt;%2&lt;/b&gt; · item %3 of %4 in the queue (item %5 of the run) · P pass, F fail, S score, N next</source>
        <translation>Sie labeln &lt;b&gt;%1&lt;/b&gt; als &lt;b&gt;%2&lt;/b&gt; · Eintrag %3 von %4 in der Warteschlange (Eintrag %5 des Durchlaufs) · P bestanden, F nicht bestanden, S Bewertung, N weiter</translation>
    </message>
</context>
<context>
    <name>ReviewLabelRepository</name>
    <message>
        <source>an inspection without a label is not stored</source>
        <translation>eine Prüfung ohne Label wird nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ReviewManifest</name>
    <message>
        <source>cannot create the image folder</source>
        <translation>der Bildordner kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>&amp;Good</source>
        <translation>&amp;Gut</translation>
    </message>
    <message>
        <source>&amp;Defective</source>
        <translation>D&amp;efekt</translation>
    </message>
    <message>
        <source>&amp;Unsure</source>
        <translation>&amp;Unsicher</translation>
    </message>
    <message>
        <source>The part is good: the model was wrong or unsure (G)</source>
        <translation>Das Teil ist gut: Das Modell lag falsch oder war unsicher (G)</translation>
    </message>
    <message>
        <source>The part is defective (D)</source>
        <translation>Das Teil ist defekt (D)</translation>
    </message>
    <message>
        <source>Cannot tell from the image (U)</source>
        <translation>Auf dem Bild nicht zu erkennen (U)</translation>
    </message>
    <message>
        <source>Export labels…</source>
        <translation>Labels exportieren…</translation>
    </message>
    <message>
        <source>Write the labelled inspections as a JSONL manifest (image, label, device, timestamp, model prediction, confidence), with inline images saved beside it</source>
        <translation>Die gelabelten Prüfergebnisse als JSONL-Manifest schreiben (Bild, Label, Gerät, Zeitstempel, Vorhersage des Modells, Konfidenz); eingebettete Bilder werden daneben gespeichert</translation>
    </message>
    <message>
        <source>Defective and low-confidence inspections arrive here for review.</source>
        <translation>Defekte Teile und Prüfergebnisse mit niedriger Konfidenz erscheinen hier zur Kontrolle.</translation>
    </message>
    <message>
        <source>%1 to review · %2 labelled</source>
        <translation>%1 zu prüfen · %2 gelabelt</translation>
    </message>
    <message>
        <source>Export review labels</source>
        <translation>Prüf-Labels exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1 labels (%2 images) to %3</source>
        <translation>%1 Labels (%2 Bilder) nach %3 exportiert</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>eingebettet</translation>
    </message>
    <message>
        <source>Your label</source>
        <translation>Ihr Label</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Any prediction</source>
        <translation>Jede Vorhersage</translation>
    </message>
    <message>
        <source>Images folder…</source>
        <translation>Bilderordner…</translation>
    </message>
    <message>
        <source>Choose the folder local images are read from; none is read elsewhere</source>
        <translation>Den Ordner wählen, aus dem lokale Bilder gelesen werden; anderswo wird keines gelesen</translation>
    </message>
    <message>
        <source>Local images are read from %1 only</source>
        <translation>Lokale Bilder werden nur aus %1 gelesen</translation>
    </message>
    <message>
        <source>Folder of the devices&apos; local images</source>
        <translation>Ordner der lokalen Bilder der Geräte</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>run %1 has no judged metric &quot;%2&quot;</source>
        <translation>Durchlauf %1 hat keine Judge-Metrik „%2“</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Defekt</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>eingebettet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Model says</source>
        <translation>Modell sagt</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Your label</source>
        <translation>Ihr Label</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>%1: too few items scored in both runs (%2)</source>
        <translation>%1: zu wenige Einträge in beiden Durchläufen bewertet (%2)</translation>
    </message>
    <message>
        <source>%1 (95 % CI %2 to %3), p %4 after Holm, n %5</source>
        <translation>%1 (95-%-KI %2 bis %3), p %4 nach Holm, n %5</translation>
    </message>
    <message>
        <source>better: %1</source>
        <translation>besser: %1</translation>
    </message>
    <message>
        <source>worse: %1</source>
        <translation>schlechter: %1</translation>
    </message>
    <message>
        <source>no difference detectable at this size: %1; the smallest these items could detect is %2</source>
        <translation>bei diesem Umfang kein Unterschied nachweisbar: %1; der kleinste mit diesen Einträgen nachweisbare Unterschied ist %2</translation>
    </message>
    <message>
        <source>against run %1: %2</source>
        <translation>gegen Durchlauf %1: %2</translation>
    </message>
    <message>
        <source>no evaluation run %1 (see `genaiops eval list`)</source>
        <translation>kein Evaluierungsdurchlauf %1 (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>metric &quot;%1&quot; is not scored in both runs (run %2: %3; run %4: %5)</source>
        <translation>Metrik &quot;%1&quot; wird nicht in beiden Durchläufen bewertet (Durchlauf %2: %3; Durchlauf %4: %5)</translation>
    </message>
</context>
<context>
    <name>RunEvidence</name>
    <message>
        <source>run %1: %2</source>
        <translation>Durchlauf %1: %2</translation>
    </message>
    <message>
        <source>run %1 &quot;%2&quot;</source>
        <translation>Durchlauf %1 „%2“</translation>
    </message>
    <message>
        <source>%1: every gate passed (%2)</source>
        <translation>%1: alle Gates bestanden (%2)</translation>
    </message>
    <message>
        <source>not in this workspace (%1)</source>
        <translation>nicht in diesem Arbeitsbereich (%1)</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>keine Werte</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>gate %1 failed (%2)</source>
        <translation>Gate %1 nicht bestanden (%2)</translation>
    </message>
    <message>
        <source>the run is %1, not finished</source>
        <translation>der Durchlauf hat den Status %1 und ist nicht abgeschlossen</translation>
    </message>
    <message>
        <source>the run has no quality gates, so it proves nothing</source>
        <translation>der Durchlauf hat keine Quality Gates und ist daher kein Nachweis</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: no labels yet</source>
        <translation>%1: noch keine Labels</translation>
    </message>
</context>
<context>
    <name>RunExecution</name>
    <message>
        <source>The run was cancelled; resume it to finish the remaining items.</source>
        <translation>Der Durchlauf wurde abgebrochen; setzen Sie ihn fort, um die restlichen Einträge abzuschließen.</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>Der Durchlauf ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>RunExport</name>
    <message>
        <source>cannot write the export: %1</source>
        <translation>der Export kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>unknown export format &quot;%1&quot; (csv, jsonl or html)</source>
        <translation>unbekanntes Exportformat „%1“ (csv, jsonl oder html)</translation>
    </message>
    <message>
        <source>no evaluation run %1</source>
        <translation>kein Evaluierungsdurchlauf %1</translation>
    </message>
</context>
<context>
    <name>RunFiles</name>
    <message>
        <source>Import Amazon Bedrock evaluation output</source>
        <translation>Evaluierungsausgabe von Amazon Bedrock importieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported %1 items as run &quot;%2&quot;.</source>
        <translation>%1 Einträge als Durchlauf „%2“ importiert.</translation>
    </message>
    <message numerus="yes">
        <source> %n line(s) were skipped, the first: line %1: %2</source>
        <translation>
            <numerusform> %n Zeile wurde übersprungen: Zeile %1: %2</numerusform>
            <numerusform> %n Zeilen wurden übersprungen, die erste: Zeile %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Durchlauf exportieren</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Save the run as an HTML report; the arrow offers CSV and JSONL</source>
        <translation>Den Lauf als HTML-Bericht speichern; der Pfeil bietet CSV und JSONL</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML-Bericht…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSONL…</source>
        <translation>JSONL…</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>two responses share slot %1</source>
        <translation>zwei Antworten teilen sich Slot %1</translation>
    </message>
    <message>
        <source>there is no run %1 in the history</source>
        <translation>im Verlauf gibt es keinen Durchlauf %1</translation>
    </message>
    <message>
        <source>Playground run %1</source>
        <translation>Playground-Durchlauf %1</translation>
    </message>
    <message>
        <source>Run: %1, %2</source>
        <translation>Durchlauf: %1, %2</translation>
    </message>
    <message>
        <source>Prompt: %1, version %2</source>
        <translation>Prompt: %1, Version %2</translation>
    </message>
    <message>
        <source>Variable `%1`: %2</source>
        <translation>Variable `%1`: %2</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Max tokens: %1</source>
        <translation>Max. Tokens: %1</translation>
    </message>
    <message>
        <source>Temperature: %1</source>
        <translation>Temperatur: %1</translation>
    </message>
    <message>
        <source>Top-p: %1</source>
        <translation>Top-p: %1</translation>
    </message>
    <message>
        <source>Stop sequences: %1</source>
        <translation>Stoppsequenzen: %1</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>Stoppgrund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Model #</source>
        <translation>Modell #</translation>
    </message>
</context>
<context>
    <name>RunHistoryList</name>
    <message>
        <source>Every run is kept here; double-click to re-open it.</source>
        <translation>Hier wird jeder Durchlauf aufbewahrt; doppelklicken Sie, um ihn erneut zu öffnen.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>RunLabelling</name>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Label items for a judged metric, blind to the judge if you like (%1)</source>
        <translation>Einträge für eine Judge-Metrik labeln, auf Wunsch ohne Einblick in das Urteil des Judge-Modells (%1)</translation>
    </message>
    <message>
        <source>Export labels (JSONL)…</source>
        <translation>Labels exportieren (JSONL)…</translation>
    </message>
    <message>
        <source>Import labels (JSONL)…</source>
        <translation>Labels importieren (JSONL)…</translation>
    </message>
    <message>
        <source>Export labels</source>
        <translation>Labels exportieren</translation>
    </message>
    <message>
        <source>labels-run-%1.jsonl</source>
        <translation>labels-durchlauf-%1.jsonl</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Import labels into run %1</source>
        <translation>Labels in Durchlauf %1 importieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n label(s) to %1.</source>
        <translation>
            <numerusform>%n Label nach %1 exportiert.</numerusform>
            <numerusform>%n Labels nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n label(s) from %1.</source>
        <translation>
            <numerusform>%n Label aus %1 importiert.</numerusform>
            <numerusform>%n Labels aus %1 importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunListEntry</name>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 (95% CI %3) · pass %4% (%5%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 (95-%-KI %3) · bestanden %4 % (%5 %)</translation>
    </message>
    <message numerus="yes">
        <source> · %n unstable</source>
        <translation>
            <numerusform> · %n instabil</numerusform>
            <numerusform> · %n instabil</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;The means&apos; intervals are clustered by %1; pass rates and comparisons treat items as independent.</source>
        <translation>&lt;br&gt;Die Intervalle der Mittelwerte sind nach %1 geclustert; Bestehensquoten und Vergleiche behandeln Einträge als unabhängig.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n with errors</source>
        <translation>
            <numerusform>%1 · %n mit Fehler</numerusform>
            <numerusform>%1 · %n mit Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; no score (%2 with errors)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; keine Bewertung (%2 mit Fehlern)</translation>
    </message>
    <message numerus="yes">
        <source> · %n without a score</source>
        <translation>
            <numerusform> · %n ohne Bewertung</numerusform>
            <numerusform> · %n ohne Bewertung</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — dataset %2 v%3 · responses: %4 · judge: %5 · %6 items, %7 with errors · %8 tokens · $%9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Datensatz %2 v%3 · Antworten: %4 · Judge: %5 · %6 Einträge, %7 mit Fehlern · %8 Tokens · $%9</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;guardrail&lt;/b&gt; intervened %1 of %2 (%3%, 95% CI %4%)%5</source>
        <translation>&lt;b&gt;Guardrail&lt;/b&gt; griff bei %1 von %2 ein (%3 %, 95-%-KI %4 %)%5</translation>
    </message>
    <message>
        <source> · fired: %1</source>
        <translation> · ausgelöst: %1</translation>
    </message>
</context>
<context>
    <name>RunListModel</name>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Mittelwerte</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>Gates</translation>
    </message>
    <message>
        <source>%1 items, %2 with errors, %3 tokens, $%4</source>
        <translation>%1 Einträge, %2 mit Fehlern, %3 Tokens, $%4</translation>
    </message>
</context>
<context>
    <name>RunLock</name>
    <message>
        <source>pid %1 on %2</source>
        <translation>PID %1 auf %2</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <source>the run&apos;s lock file cannot be written</source>
        <translation>die Sperrdatei des Durchlaufs kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the run is being run by another process (%1)</source>
        <translation>der Durchlauf wird von einem anderen Prozess ausgeführt (%1)</translation>
    </message>
    <message>
        <source>the run is being run by another connection to the team workspace</source>
        <translation>der Lauf wird über eine andere Verbindung zum Team-Arbeitsbereich ausgeführt</translation>
    </message>
</context>
<context>
    <name>RunModelResolver</name>
    <message>
        <source>Response model</source>
        <translation>Antwortmodell</translation>
    </message>
    <message>
        <source>Judge model</source>
        <translation>Judge-Modell</translation>
    </message>
    <message>
        <source>Guardrail connection</source>
        <translation>Guardrail-Verbindung</translation>
    </message>
</context>
<context>
    <name>RunOverview</name>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Judge agreement</source>
        <translation>Judge-Übereinstimmung</translation>
    </message>
    <message>
        <source>Show charts</source>
        <translation>Diagramme zeigen</translation>
    </message>
    <message>
        <source>Hide charts</source>
        <translation>Diagramme ausblenden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Cancel run</source>
        <translation>Durchlauf abbrechen</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>%1 failed · about %2 left</source>
        <translation>%1 fehlgeschlagen · noch etwa %2</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run finished.</source>
        <translation>Durchlauf abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>RunScores</name>
    <message>
        <source>no evaluation run %1 (see `genaiops eval list`)</source>
        <translation>kein Evaluierungsdurchlauf %1 (siehe `genaiops eval list`)</translation>
    </message>
</context>
<context>
    <name>RunSetup</name>
    <message>
        <source>choose at least one metric</source>
        <translation>wählen Sie mindestens eine Metrik</translation>
    </message>
    <message>
        <source>unknown metric &quot;%1&quot; (known: %2)</source>
        <translation>unbekannte Metrik „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>the dataset has no responses to score; give a model to generate them</source>
        <translation>der Datensatz enthält keine Antworten zum Bewerten; geben Sie ein Modell an, das sie erzeugt</translation>
    </message>
    <message>
        <source>concurrency must be between 1 and 256</source>
        <translation>die Parallelität muss zwischen 1 und 256 liegen</translation>
    </message>
    <message>
        <source>repeats must be between 1 and 20</source>
        <translation>die Anzahl der Wiederholungen muss zwischen 1 und 20 liegen</translation>
    </message>
    <message>
        <source>repeated generations need a model to generate responses</source>
        <translation>wiederholte Generierungen benötigen ein Modell, das die Antworten erzeugt</translation>
    </message>
    <message>
        <source>the baseline run %1 does not exist (see `genaiops eval list`)</source>
        <translation>der Basisdurchlauf %1 existiert nicht (siehe `genaiops eval list`)</translation>
    </message>
    <message>
        <source>a run compares at most %1 models at once</source>
        <translation>ein Lauf vergleicht höchstens %1 Modelle auf einmal</translation>
    </message>
    <message>
        <source>the dataset %1 is no longer in the workspace</source>
        <translation>der Datensatz %1 ist nicht mehr im Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>no baseline run: give --baseline RUN_ID</source>
        <translation>kein Basisdurchlauf: geben Sie --baseline RUN_ID an</translation>
    </message>
    <message>
        <source>the baseline run %1 cannot be compared: %2</source>
        <translation>der Basisdurchlauf %1 kann nicht verglichen werden: %2</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <source>no evaluation run %1</source>
        <translation>kein Evaluierungsdurchlauf %1</translation>
    </message>
</context>
<context>
    <name>S3ImageChooser</name>
    <message>
        <source>The AWS connection that reads inspection images stored in S3</source>
        <translation>Die AWS-Verbindung, die in S3 gespeicherte Prüfbilder liest</translation>
    </message>
    <message>
        <source>No S3 access</source>
        <translation>Kein S3-Zugriff</translation>
    </message>
    <message>
        <source>S3 images via %1</source>
        <translation>S3-Bilder über %1</translation>
    </message>
</context>
<context>
    <name>S3ObjectReader</name>
    <message>
        <source>S3 answered %1%2%3</source>
        <translation>S3 antwortete %1%2%3</translation>
    </message>
    <message>
        <source>not an s3://bucket/key URI</source>
        <translation>keine s3://bucket/key-URI</translation>
    </message>
    <message>
        <source>the AWS connection has no access key</source>
        <translation>die AWS-Verbindung hat keinen Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>S3 could not be reached: %1</source>
        <translation>S3 ist nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>SageMakerClient</name>
    <message>
        <source>no AWS region for SageMaker (set --region or AWS_REGION)</source>
        <translation>keine AWS-Region für SageMaker (setzen Sie --region oder AWS_REGION)</translation>
    </message>
    <message>
        <source>no AWS credentials for SageMaker (an access key id and a secret access key are needed)</source>
        <translation>keine AWS-Zugangsdaten für SageMaker (erforderlich sind eine Zugriffsschlüssel-ID und ein geheimer Zugriffsschlüssel)</translation>
    </message>
    <message>
        <source>the endpoint URL is not valid: %1</source>
        <translation>die Endpoint-URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>SageMaker %1 answered with something that is not a JSON object: %2</source>
        <translation>SageMaker %1 hat mit etwas geantwortet, das kein JSON-Objekt ist: %2</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Details angegeben</translation>
    </message>
    <message>
        <source>STS GetCallerIdentity answered without an Arn: %1</source>
        <translation>STS GetCallerIdentity hat ohne Arn geantwortet: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 refused the credentials: %2: %3</source>
        <translation>%1 hat die Zugangsdaten abgewiesen: %2: %3</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 antwortete mit %2: %3</translation>
    </message>
</context>
<context>
    <name>SageMakerRegistryBackend</name>
    <message>
        <source>a model version needs a group to be registered in</source>
        <translation>eine Modellversion benötigt eine Gruppe, in der sie registriert wird</translation>
    </message>
    <message>
        <source>SageMaker cannot take a version out of every stage; archive it instead</source>
        <translation>SageMaker kann eine Version nicht aus allen Stufen herausnehmen; archivieren Sie sie stattdessen</translation>
    </message>
    <message>
        <source>the version changed on SageMaker since it was loaded (modified %1, loaded %2); reload it and decide again</source>
        <translation>die Version wurde in SageMaker seit dem Laden geändert (geändert %1, geladen %2); laden Sie sie neu und entscheiden Sie erneut</translation>
    </message>
    <message>
        <source>SageMaker has no version %1 in model package group %2</source>
        <translation>SageMaker hat keine Version %1 in der Modellpaketgruppe %2</translation>
    </message>
</context>
<context>
    <name>SecretInput</name>
    <message>
        <source>expected key=value</source>
        <translation>key=value erwartet</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; for a %2 profile (expected: %3)</source>
        <translation>unbekanntes Feld „%1“ für ein %2-Profil (erwartet: %3)</translation>
    </message>
    <message>
        <source>missing %1 for a %2 profile</source>
        <translation>für ein %2-Profil fehlt: %1</translation>
    </message>
</context>
<context>
    <name>SortMenu</name>
    <message>
        <source>Sort by…</source>
        <translation>Sortieren nach…</translation>
    </message>
    <message>
        <source>%1, lowest first</source>
        <translation>%1, niedrigste zuerst</translation>
    </message>
    <message>
        <source>%1, highest first</source>
        <translation>%1, höchste zuerst</translation>
    </message>
</context>
<context>
    <name>StageFlow</name>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
    <message>
        <source>registering is not a decision on an existing version</source>
        <translation>das Registrieren ist keine Entscheidung über eine vorhandene Version</translation>
    </message>
    <message>
        <source>%1 is archived already</source>
        <translation>%1 ist bereits archiviert</translation>
    </message>
    <message>
        <source>%1 is archived; there is nothing to reject</source>
        <translation>%1 ist archiviert; es gibt nichts abzulehnen</translation>
    </message>
    <message>
        <source>%1 is rejected already</source>
        <translation>%1 ist bereits abgelehnt</translation>
    </message>
    <message>
        <source>promote needs a stage to go to: Dev, Test, Prod or Archived</source>
        <translation>zum Hochstufen wird eine Zielstufe benötigt: Dev, Test, Prod oder Archived</translation>
    </message>
    <message>
        <source>%1 is archived; promote it to a stage to restore it</source>
        <translation>%1 ist archiviert; stufen Sie sie zum Wiederherstellen in eine Stufe hoch</translation>
    </message>
    <message>
        <source>%1 is approved for Prod already; nothing waits for a decision</source>
        <translation>%1 ist bereits für Prod freigegeben; nichts wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <source>a decision needs a stage: Dev, Test, Prod or Archived</source>
        <translation>eine Entscheidung benötigt eine Stufe: Dev, Test, Prod oder Archived</translation>
    </message>
    <message>
        <source>approving cannot archive; use promote --to Archived</source>
        <translation>eine Freigabe kann nicht archivieren; verwenden Sie promote --to Archived</translation>
    </message>
    <message>
        <source>%1 is approved for %2 already</source>
        <translation>%1 ist bereits für %2 freigegeben</translation>
    </message>
</context>
<context>
    <name>TeamRoles</name>
    <message>
        <source>roles are granted in a team workspace (--workspace postgresql://…); a local workspace has one user</source>
        <translation>Rollen werden in einem Team-Arbeitsbereich vergeben (--workspace postgresql://…); ein lokaler Arbeitsbereich hat einen Benutzer</translation>
    </message>
    <message>
        <source>the workbench role must be one of: %1</source>
        <translation>die Workbench-Rolle muss eine davon sein: %1</translation>
    </message>
</context>
<context>
    <name>TeamWorkspaceDialog</name>
    <message>
        <source>Open team workspace</source>
        <translation>Team-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>genaiops</source>
        <translation>genaiops</translation>
    </message>
    <message>
        <source>Prefer TLS (libpq&apos;s default)</source>
        <translation>TLS bevorzugen (Vorgabe von libpq)</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS verlangen</translation>
    </message>
    <message>
        <source>Require TLS, verify the certificate authority</source>
        <translation>TLS verlangen, Zertifizierungsstelle prüfen</translation>
    </message>
    <message>
        <source>Require TLS, verify the authority and the host name</source>
        <translation>TLS verlangen, Zertifizierungsstelle und Hostnamen prüfen</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>CA certificate file (optional)</source>
        <translation>CA-Zertifikatsdatei (optional)</translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or PGPASSWORD</source>
        <translation>leer: ~/.pgpass oder PGPASSWORD</translation>
    </message>
    <message>
        <source>Remember the password in the keyring</source>
        <translation>Passwort im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User (database role):</source>
        <translation>&amp;Benutzer (Datenbankrolle):</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Opens &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>Öffnet &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Host, database and user say where the workspace is and who you are there.</source>
        <translation>Host, Datenbank und Benutzer sagen, wo der Arbeitsbereich ist und wer Sie dort sind.</translation>
    </message>
</context>
<context>
    <name>UsageDialog</name>
    <message>
        <source>Model usage (last 30 days)</source>
        <translation>Modellnutzung (letzte 30 Tage)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Also record prompt texts in the invocation log</source>
        <translation>Prompt-Texte ebenfalls im Aufrufprotokoll speichern</translation>
    </message>
    <message>
        <source>Off by default: prompts may hold confidential data.</source>
        <translation>Standardmäßig aus: Prompts können vertrauliche Daten enthalten.</translation>
    </message>
    <message>
        <source>Cost per day (USD)</source>
        <translation>Kosten pro Tag (USD)</translation>
    </message>
</context>
<context>
    <name>VariablesEditor</name>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>VersionPageView</name>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Loading evidence and history…&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Nachweise und Verlauf werden geladen …&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Evidence and history&lt;/h4&gt;&lt;p&gt;&lt;b&gt;Could not be read:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Nachweise und Verlauf&lt;/h4&gt;&lt;p&gt;&lt;b&gt;Konnten nicht gelesen werden:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 — version %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1 — Version %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · stage %2 · registered by %3 on %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; · Stufe %2 · registriert von %3 am %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>&lt;p&gt;Artifact: &lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Artefakt: &lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Metrics&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Metriken&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;none recorded&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;keine erfasst&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Evidence: linked evaluation runs&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Nachweis: verknüpfte Evaluierungsdurchläufe&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;no evaluation run linked: a Prod decision will need an override reason&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;kein Evaluierungsdurchlauf verknüpft: Eine Prod-Entscheidung erfordert eine Begründung für die Ausnahme&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;margin-left: 16px&quot;&gt;Judge against people: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;margin-left: 16px&quot;&gt;Judge im Vergleich zu Menschen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Decision history&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Entscheidungsverlauf&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;no decisions yet&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;noch keine Entscheidungen&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 — &lt;b&gt;%2&lt;/b&gt; by %3 (%4): %5 → %6%7&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 — &lt;b&gt;%2&lt;/b&gt; von %3 (%4): %5 → %6%7&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>is a directory, not a workspace file</source>
        <translation>ist ein Verzeichnis, keine Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>no workspace here (create one by opening it with the workbench)</source>
        <translation>hier ist kein Arbeitsbereich (legen Sie einen an, indem Sie ihn mit der Workbench öffnen)</translation>
    </message>
    <message>
        <source>cannot create the folder for the workspace</source>
        <translation>der Ordner für den Arbeitsbereich kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot open the workspace</source>
        <translation>der Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot open the workspace for reading</source>
        <translation>der Arbeitsbereich kann nicht zum Lesen geöffnet werden</translation>
    </message>
    <message>
        <source>cannot create the workspace file: %1</source>
        <translation>die Arbeitsbereichsdatei lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>cannot make the workspace file private to you</source>
        <translation>die Arbeitsbereichsdatei lässt sich nicht nur für Sie lesbar machen</translation>
    </message>
    <message>
        <source>the team workspace&apos;s server does not answer</source>
        <translation>der Server des Team-Arbeitsbereichs antwortet nicht</translation>
    </message>
    <message>
        <source>this team workspace needs an upgrade that only its owner may apply (ask an admin to open it once with this version): %1</source>
        <translation>dieser Team-Arbeitsbereich braucht eine Aktualisierung, die nur sein Eigentümer anwenden darf (bitten Sie einen Admin, ihn einmal mit dieser Version zu öffnen): %1</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed: install libqt6sql6-psql</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert: installieren Sie libqt6sql6-psql</translation>
    </message>
    <message>
        <source>cannot open the team workspace at %1: %2</source>
        <translation>der Team-Arbeitsbereich auf %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>the server did not say who you are</source>
        <translation>der Server hat nicht gesagt, wer Sie sind</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>%1 holds no workbench role in this team workspace; an admin grants one with `genaiops workspace grant %1 ROLE` (%2)</source>
        <translation>%1 hat in diesem Team-Arbeitsbereich keine Workbench-Rolle; ein Admin vergibt eine mit `genaiops workspace grant %1 ROLE` (%2)</translation>
    </message>
    <message>
        <source>this database holds a workspace_meta table that is not a workbench&apos;s</source>
        <translation>diese Datenbank enthält eine Tabelle workspace_meta, die nicht zu einer Workbench gehört</translation>
    </message>
    <message>
        <source>this database holds no workspace yet (its owner creates one by opening it first)</source>
        <translation>diese Datenbank enthält noch keinen Arbeitsbereich (ihr Eigentümer legt ihn an, indem er sie zuerst öffnet)</translation>
    </message>
</context>
<context>
    <name>WorkspaceCommand</name>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einzelnes JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1: ok</translation>
    </message>
    <message>
        <source>Workspace:     %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Backend:       %1 (journal %2)</source>
        <translation>Backend:        %1 (Journal %2)</translation>
    </message>
    <message>
        <source>Format:        %1</source>
        <translation>Format:         %1</translation>
    </message>
    <message>
        <source>Size:          %1 bytes</source>
        <translation>Größe:          %1 Byte</translation>
    </message>
    <message>
        <source>Created:       %1 by version %2</source>
        <translation>Erstellt:       %1 von Version %2</translation>
    </message>
    <message>
        <source>Profiles:      %1</source>
        <translation>Profile:        %1</translation>
    </message>
    <message>
        <source>Schema %1 v%2</source>
        <translation>Schema %1 v%2</translation>
    </message>
    <message>
        <source>workspace grant expects LOGIN_ROLE WORKBENCH_ROLE, e.g. `workspace grant alice data-scientist`</source>
        <translation>workspace grant erwartet LOGIN_ROLE WORKBENCH_ROLE, z. B. `workspace grant alice data-scientist`</translation>
    </message>
    <message>
        <source>workspace revoke expects LOGIN_ROLE</source>
        <translation>workspace revoke erwartet LOGIN_ROLE</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <source>%1 holds no workbench role now</source>
        <translation>%1 hat jetzt keine Workbench-Rolle</translation>
    </message>
    <message>
        <source>workspace migrate expects --from FILE --to postgresql://USER@HOST:PORT/DB</source>
        <translation>workspace migrate erwartet --from DATEI --to postgresql://BENUTZER@HOST:PORT/DB</translation>
    </message>
    <message>
        <source>--from is a local workspace file</source>
        <translation>--from ist eine lokale Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>Copied %1 rows from %2 tables into %3; the audit trail&apos;s %4 entries verify there.</source>
        <translation>%1 Zeilen aus %2 Tabellen nach %3 kopiert; die %4 Einträge des Prüfpfads lassen sich dort verifizieren.</translation>
    </message>
    <message>
        <source>Show or check the workspace; in a team workspace, grant workbench roles.</source>
        <translation>Arbeitsbereich anzeigen oder prüfen; in einem Team-Arbeitsbereich Workbench-Rollen vergeben.</translation>
    </message>
    <message>
        <source>info, check, members, grant LOGIN_ROLE WORKBENCH_ROLE, revoke LOGIN_ROLE or migrate --from FILE --to URI</source>
        <translation>info, check, members, grant LOGIN_ROLE WORKBENCH_ROLE, revoke LOGIN_ROLE oder migrate --from DATEI --to URI</translation>
    </message>
    <message>
        <source>migrate: the local workspace file.</source>
        <translation>migrate: die lokale Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>migrate: the team workspace, a postgresql:// URI.</source>
        <translation>migrate: der Team-Arbeitsbereich, eine postgresql://-URI.</translation>
    </message>
    <message>
        <source>workspace: expected `info`, `check`, `members`, `grant`, `revoke` or `migrate`</source>
        <translation>workspace: erwartet `info`, `check`, `members`, `grant`, `revoke` oder `migrate`</translation>
    </message>
    <message>
        <source>no workbench role</source>
        <translation>keine Workbench-Rolle</translation>
    </message>
    <message>
        <source>Backend:       %1 at %2</source>
        <translation>Backend:       %1 auf %2</translation>
    </message>
    <message>
        <source>You:           %1 (%2)</source>
        <translation>Sie:           %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WorkspaceInspector</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not a GenAIOps workspace: the file is not an SQLite database; it was left unchanged. Choose another path with --workspace.</source>
        <translation>kein GenAIOps-Arbeitsbereich: Die Datei ist keine SQLite-Datenbank; sie wurde nicht verändert. Wählen Sie mit --workspace einen anderen Pfad.</translation>
    </message>
    <message>
        <source>cannot open the database read-only</source>
        <translation>die Datenbank kann nicht schreibgeschützt geöffnet werden</translation>
    </message>
    <message>
        <source>not a GenAIOps workspace: an SQLite database without the workspace_meta table; it was left unchanged</source>
        <translation>kein GenAIOps-Arbeitsbereich: eine SQLite-Datenbank ohne die Tabelle workspace_meta; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>not a GenAIOps workspace: it belongs to &quot;%1&quot;</source>
        <translation>kein GenAIOps-Arbeitsbereich: Die Datei gehört zu „%1“</translation>
    </message>
    <message>
        <source>this workspace was written by a newer GenAIOps Workbench (%1 is at version %2, this program knows up to %3). Install a newer version; the workspace was left unchanged.</source>
        <translation>dieser Arbeitsbereich wurde von einer neueren GenAIOps Workbench geschrieben (%1 hat Version %2, dieses Programm kennt höchstens Version %3). Installieren Sie eine neuere Version; der Arbeitsbereich wurde nicht verändert.</translation>
    </message>
    <message>
        <source>not readable as a workspace: %1 (SQLite); it was left unchanged. If it is a workspace, it is damaged: restore it from a backup.</source>
        <translation>als Arbeitsbereich nicht lesbar: %1 (SQLite); die Datei wurde nicht verändert. Ist sie ein Arbeitsbereich, ist er beschädigt: Stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>cannot read the workspace: %1 (SQLite); it was left unchanged</source>
        <translation>der Arbeitsbereich lässt sich nicht lesen: %1 (SQLite); er wurde nicht verändert</translation>
    </message>
    <message>
        <source>cannot read the workspace: %1 (SQLite). The file or its disk is read-only, and a workspace needs to write beside it even to be read; it was left unchanged</source>
        <translation>der Arbeitsbereich lässt sich nicht lesen: %1 (SQLite). Die Datei oder ihr Datenträger ist schreibgeschützt, und ein Arbeitsbereich muss selbst zum Lesen daneben schreiben; er wurde nicht verändert</translation>
    </message>
</context>
<context>
    <name>WorkspaceMigration</name>
    <message>
        <source>the target of a migration is a team workspace (postgresql://…)</source>
        <translation>das Ziel einer Migration ist ein Team-Arbeitsbereich (postgresql://…)</translation>
    </message>
    <message>
        <source>the source&apos;s audit trail does not verify, so it cannot be carried over as it is: %1</source>
        <translation>der Prüfpfad der Quelle lässt sich nicht verifizieren und kann daher nicht so übernommen werden: %1</translation>
    </message>
    <message>
        <source>the audit trail was copied but does not verify in the team workspace: %1</source>
        <translation>der Prüfpfad wurde kopiert, lässt sich im Team-Arbeitsbereich aber nicht verifizieren: %1</translation>
    </message>
    <message>
        <source>the team workspace already holds work (%1 has rows); a migration goes into an empty one, so nothing is copied twice</source>
        <translation>der Team-Arbeitsbereich enthält bereits Arbeit (%1 hat Zeilen); eine Migration geht in einen leeren, damit nichts doppelt kopiert wird</translation>
    </message>
</context>
<context>
    <name>WorkspaceRegistryBackend</name>
    <message>
        <source>there is no version %1 in group &quot;%2&quot; (see `genaiops registry versions %2`)</source>
        <translation>in der Gruppe „%2“ gibt es keine Version %1 (siehe `genaiops registry versions %2`)</translation>
    </message>
    <message>
        <source>changed by someone else since you loaded it; reload it to see what changed, then decide again</source>
        <translation>wurde seit dem Laden von jemand anderem geändert; laden Sie neu, um die Änderungen zu sehen, und entscheiden Sie dann erneut</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid group name: 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit</source>
        <translation>„%1“ ist kein gültiger Gruppenname: 1 bis 63 Buchstaben, Ziffern und Bindestriche, beginnend und endend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>a version needs an artifact URI</source>
        <translation>eine Version benötigt eine Artefakt-URI</translation>
    </message>
    <message>
        <source>metric &quot;%1&quot; needs a name and a finite value</source>
        <translation>Metrik „%1“ benötigt einen Namen und einen endlichen Wert</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
</context>
<context>
    <name>WorkspaceWorker</name>
    <message>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich geöffnet</translation>
    </message>
</context>
<context>
    <name>genaiops</name>
    <message>
        <source>list|set|delete: connection profiles (secrets in the OS keyring)</source>
        <translation>list|set|delete: Verbindungsprofile (Zugangsdaten im Schlüsselbund des Betriebssystems)</translation>
    </message>
    <message>
        <source>Commands:
</source>
        <translation>Befehle:
</translation>
    </message>
    <message>
        <source>GenAIOps Workbench command line: the same core as the desktop panels.

</source>
        <translation>Kommandozeile der GenAIOps Workbench: derselbe Kern wie in der Desktop-Anwendung.

</translation>
    </message>
    <message>
        <source>Log what the workbench does to stderr.</source>
        <translation>Aktionen der Workbench auf stderr protokollieren.</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>Auszuführender Befehl.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>[provider flags] PROMPT: one prompt to a model, streamed</source>
        <translation>[Anbieteroptionen] PROMPT: ein Prompt an ein Modell, gestreamt</translation>
    </message>
    <message>
        <source>groups|versions|show|inbox|register|approve|reject|promote|audit: governed model registry</source>
        <translation>groups|versions|show|inbox|register|approve|reject|promote|audit: Modellregister mit Freigaberegeln</translation>
    </message>
    <message>
        <source>
Exit codes: 0 ok, 1 a quality gate failed or a policy refused, 2 usage or input error, 3 service or network error.
</source>
        <translation>
Exit-Codes: 0 ok, 1 ein Quality Gate ist fehlgeschlagen oder eine Richtlinie hat die Aktion verweigert, 2 Aufruf- oder Eingabefehler, 3 Dienst- oder Netzwerkfehler.
</translation>
    </message>
    <message>
        <source>listen|simulate|replay|recordings: inspection results from an MQTT fleet</source>
        <translation>listen|simulate|replay|recordings: Prüfergebnisse einer MQTT-Flotte</translation>
    </message>
    <message>
        <source>run|resume|list|show|import|export|compare|plan|label|labels|agreement: golden-dataset evaluations, quality gates and human labels</source>
        <translation>run|resume|list|show|import|export|compare|plan|label|labels|agreement: Evaluierungen mit Golden Datasets, Quality Gates und menschlichen Labels</translation>
    </message>
    <message>
        <source>retrieve|ask: Amazon Bedrock Knowledge Bases (RAG)</source>
        <translation>retrieve|ask: Amazon Bedrock Knowledge Bases (RAG)</translation>
    </message>
    <message>
        <source>apply --guardrail ID:VERSION --source input|output TEXT: a Bedrock guardrail on one text</source>
        <translation>apply --guardrail ID:VERSION --source input|output TEXT: ein Bedrock-Guardrail auf einem Text</translation>
    </message>
    <message>
        <source>info|check|members|grant|revoke|migrate [--json]: show or verify the workspace, grant team roles, move up</source>
        <translation>info|check|members|grant|revoke|migrate [--json]: Arbeitsbereich anzeigen oder prüfen, Team-Rollen vergeben, hochziehen</translation>
    </message>
    <message>
        <source>Workspace file (default: %1), or a team workspace as a libpq URI (postgresql://USER@HOST:PORT/DB?sslmode=…).</source>
        <translation>Arbeitsbereichsdatei (Vorgabe: %1) oder ein Team-Arbeitsbereich als libpq-URI (postgresql://BENUTZER@HOST:PORT/DB?sslmode=…).</translation>
    </message>
</context>
</TS>
