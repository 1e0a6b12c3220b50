<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditWindow</name>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallDesk</name>
    <message numerus="yes">
        <source>%n call(s) in the queue</source>
        <translation>
            <numerusform>%n call in the queue</numerusform>
            <numerusform>%n calls in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) share this number</source>
        <translation>
            <numerusform>%n customer shares this number</numerusform>
            <numerusform>%n customers share this number</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have %1. Who is calling?</source>
        <translation>
            <numerusform>%n customer has %1. Who is calling?</numerusform>
            <numerusform>%n customers have %1. Who is calling?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Calls (%n)</source>
        <translation>
            <numerusform>Calls (%n)</numerusform>
            <numerusform>Calls (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call back (%n)</source>
        <translation>
            <numerusform>Call back (%n)</numerusform>
            <numerusform>Call back (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message numerus="yes">
        <source>missed %n min ago</source>
        <translation>
            <numerusform>missed %n min ago</numerusform>
            <numerusform>missed %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckedTextEdit</name>
    <message numerus="yes">
        <source>Change these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>Change this phrase before you {action}:</numerusform>
            <numerusform>Change these %n phrases before you {action}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please check these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>Please check this phrase before you {action}:</numerusform>
            <numerusform>Please check these %n phrases before you {action}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n must change</source>
        <translation>
            <numerusform>%n must change</numerusform>
            <numerusform>%n must change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n to check</numerusform>
            <numerusform>%n to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested</source>
        <translation>
            <numerusform>%n suggested</numerusform>
            <numerusform>%n suggested</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintFeatures</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message numerus="yes">
        <source>Please correct the %n fields marked in red.</source>
        <translation>
            <numerusform>Please correct the %n field marked in red.</numerusform>
            <numerusform>Please correct the %n fields marked in red.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintReportView</name>
    <message numerus="yes">
        <source>%n rows saved to {path}.</source>
        <translation>
            <numerusform>%n row saved to {path}.</numerusform>
            <numerusform>%n rows saved to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintTexts</name>
    <message numerus="yes">
        <source>%n open complaints</source>
        <translation>
            <numerusform>%n open complaint</numerusform>
            <numerusform>%n open complaints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message numerus="yes">
        <source>%n days</source>
        <extracomment>Work that must finish after a form is gone (discarding its draft). &quot;Not set&quot; in the date-time editors (their minimum shows as special text).</extracomment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>1 day %n h</source>
        <translation>
            <numerusform>1 day %n h</numerusform>
            <numerusform>1 day %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message numerus="yes">
        <source>Some details already belong to %n other customer(s).</source>
        <translation>
            <numerusform>Some details already belong to another customer.</numerusform>
            <numerusform>Some details already belong to %n other customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerProfile</name>
    <message numerus="yes">
        <source>%n reward(s) available — tell them: {reward}</source>
        <translation>
            <numerusform>%n reward available — tell them: {reward}</numerusform>
            <numerusform>%n rewards available — tell them: {reward}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n visit(s)&lt;/b&gt; so far</source>
        <translation>
            <numerusform>&lt;b&gt;%n visit&lt;/b&gt; so far</numerusform>
            <numerusform>&lt;b&gt;%n visits&lt;/b&gt; so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lifetime spend {amount} over %n purchase(s)</source>
        <translation>
            <numerusform>Lifetime spend {amount} over %n purchase</numerusform>
            <numerusform>Lifetime spend {amount} over %n purchases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message numerus="yes">
        <source>Not saved: %n problems.</source>
        <translation>
            <numerusform>Not saved: %n problem.</numerusform>
            <numerusform>Not saved: %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n found — Enter opens the highlighted customer, ↓ moves down.</source>
        <translation>
            <numerusform>%n found — Enter opens the highlighted customer, ↓ moves down.</numerusform>
            <numerusform>%n found — Enter opens the highlighted customer, ↓ moves down.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OccasionWords</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>turns %n</source>
        <translation>
            <numerusform>turns %n</numerusform>
            <numerusform>turns %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhrasebookEditor</name>
    <message numerus="yes">
        <source>{book} has %n problems; fix them one at a time (Enter on a problem selects its entry).</source>
        <translation>
            <numerusform>{book} has %n problem; fix them one at a time (Enter on a problem selects its entry).</numerusform>
            <numerusform>{book} has %n problems; fix them one at a time (Enter on a problem selects its entry).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation>
            <numerusform>{shown} of %n entry</numerusform>
            <numerusform>{shown} of %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n bad rows.</source>
        <translation>
            <numerusform>Nothing was imported: {file} has %n bad row.</numerusform>
            <numerusform>Nothing was imported: {file} has %n bad rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n problems.</source>
        <translation>
            <numerusform>Nothing was imported: {file} has %n problem.</numerusform>
            <numerusform>Nothing was imported: {file} has %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>Exported %n entry to {path}.</numerusform>
            <numerusform>Exported %n entries to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoverDrafts</name>
    <message numerus="yes">
        <source>%n complaints were being typed when the console last closed.</source>
        <translation>
            <numerusform>%n complaint was being typed when the console last closed.</numerusform>
            <numerusform>%n complaints were being typed when the console last closed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message numerus="yes">
        <source>{name} — %n visit(s), last seen {ago}</source>
        <translation>
            <numerusform>{name} — %n visit, last seen {ago}</numerusform>
            <numerusform>{name} — %n visits, last seen {ago}</numerusform>
        </translation>
    </message>
</context>
</TS>
