#include "core/common/prompttemplate.h"

#include <QTest>

class TestPromptTemplate : public QObject
{
    Q_OBJECT

private slots:
    void listsVariablesOnceInOrderOfFirstAppearance()
    {
        const QString text = QStringLiteral("{{ b }} then {{a}} then {{  b  }} and {{ user.name }} {{x-1}} {{_y}}");
        QCOMPARE(PromptTemplate::variables(text),
                 QStringList({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("user.name"),
                              QStringLiteral("x-1"), QStringLiteral("_y")}));
    }

    void ignoresBracesThatAreNotVariables()
    {
        QVERIFY(
            PromptTemplate::variables(QStringLiteral("{{ 1x }} {{}} {{ two words }} {\"json\": {}} {{ a")).isEmpty());
    }

    void rendersEveryOccurrence()
    {
        auto rendered = PromptTemplate::render(QStringLiteral("Hi {{name}}, {{ name }}! Ask: {{question}}"),
                                               {{QStringLiteral("name"), QStringLiteral("Ada")},
                                                {QStringLiteral("question"), QStringLiteral("why?")},
                                                {QStringLiteral("unused"), QStringLiteral("x")}});
        QVERIFY2(rendered, qPrintable(rendered ? QString() : rendered.error().describe()));
        QCOMPARE(rendered.value(), QStringLiteral("Hi Ada, Ada! Ask: why?"));
    }

    void leavesNonVariableBracesLiteral()
    {
        auto rendered = PromptTemplate::render(QStringLiteral("{{ not valid }} {{ {{v}} }} {{"),
                                               {{QStringLiteral("v"), QStringLiteral("V")}});
        QVERIFY(rendered);
        QCOMPARE(rendered.value(), QStringLiteral("{{ not valid }} {{ V }} {{"));
    }

    void doesNotExpandValuesAgain()
    {
        auto rendered = PromptTemplate::render(
            QStringLiteral("{{a}} {{b}}"),
            {{QStringLiteral("a"), QStringLiteral("{{b}}")}, {QStringLiteral("b"), QStringLiteral("B")}});
        QVERIFY(rendered);
        QCOMPARE(rendered.value(), QStringLiteral("{{b}} B"));
    }

    void emptyValueIsNotMissing()
    {
        auto rendered = PromptTemplate::render(QStringLiteral("[{{a}}]"), {{QStringLiteral("a"), QString()}});
        QVERIFY(rendered);
        QCOMPARE(rendered.value(), QStringLiteral("[]"));
    }

    void namesEveryMissingVariable()
    {
        auto rendered = PromptTemplate::render(QStringLiteral("{{ context }} {{question}} {{context}} {{ tone }}"),
                                               {{QStringLiteral("question"), QStringLiteral("q")}});
        QVERIFY(!rendered);
        QCOMPARE(rendered.error().kind, Error::Kind::Input);
        const QString message = rendered.error().message;
        QVERIFY2(message.contains(QStringLiteral("context, tone")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("question")));
        QCOMPARE(message.count(QStringLiteral("context")), 1);
    }

    void textWithoutVariablesRendersUnchanged()
    {
        auto rendered = PromptTemplate::render(QStringLiteral("plain { text }"), {});
        QVERIFY(rendered);
        QCOMPARE(rendered.value(), QStringLiteral("plain { text }"));
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
