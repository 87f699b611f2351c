<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CollectionModel</name>
    <message numerus="yes">
        <location filename="../app/gui/collection/collectionmodel.cpp" line="+140"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionSource</name>
    <message numerus="yes">
        <location filename="../app/core/collection/collectionsource.cpp" line="+421"/>
        <source>%n problem(s) before the run:</source>
        <translation>
            <numerusform>%n problem before the run:</numerusform>
            <numerusform>%n problems before the run:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>  (and %n more problem(s))</source>
        <translation>
            <numerusform>  (and %n more problem)</numerusform>
            <numerusform>  (and %n more problems)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionTree</name>
    <message numerus="yes">
        <location filename="../app/gui/collection/collectiontree.cpp" line="+141"/>
        <source>Delete “%1” and the %n item(s) in it?</source>
        <translation>
            <numerusform>Delete “%1” and the %n item in it?</numerusform>
            <numerusform>Delete “%1” and the %n items in it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareWidget</name>
    <message numerus="yes">
        <location filename="../app/gui/charts/comparewidget.cpp" line="+211"/>
        <source>%1: %n requests, concurrency %2</source>
        <translation>
            <numerusform>%1: %n request, concurrency %2</numerusform>
            <numerusform>%1: %n requests, concurrency %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurlImport</name>
    <message numerus="yes">
        <location filename="../app/core/formats/curlcommands.cpp" line="+132"/>
        <source>%n curl command(s) found, each imported as a request</source>
        <translation>
            <numerusform>%n curl command found, imported as a request</numerusform>
            <numerusform>%n curl commands found, each imported as a request</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPreviewDialog</name>
    <message numerus="yes">
        <location filename="../app/gui/collection/datapreviewdialog.cpp" line="+30"/>
        <source>%1 row(s) × %2</source>
        <translation>
            <numerusform>%1 row × %2</numerusform>
            <numerusform>%1 rows × %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataSet</name>
    <message numerus="yes">
        <location filename="../app/core/collection/dataset.cpp" line="+143"/>
        <source>%n field(s), the header has %1</source>
        <translation>
            <numerusform>%n field, the header has %1</numerusform>
            <numerusform>%n fields, the header has %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message numerus="yes">
        <location filename="../app/gui/fileflows.cpp" line="+332"/>
        <source>Exported %1 result(s) to %2</source>
        <translation>
            <numerusform>Exported %1 result to %2</numerusform>
            <numerusform>Exported %1 results to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocustRun</name>
    <message numerus="yes">
        <location filename="../app/cli/locustrun.cpp" line="+193"/>
        <source>Running %1 on Locust: a master and %n worker(s) on this machine.</source>
        <translation>
            <numerusform>Running %1 on Locust: a master and %n worker on this machine.</numerusform>
            <numerusform>Running %1 on Locust: a master and %n workers on this machine.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/mainwindowrun.cpp" line="+85"/>
        <source>Run the Other %n</source>
        <translation>
            <numerusform>Run the Other One</numerusform>
            <numerusform>Run the Other %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostmanImport</name>
    <message numerus="yes">
        <location filename="../app/core/formats/postmanimport.cpp" line="+177"/>
        <source>%n saved example response(s) not imported</source>
        <translation>
            <numerusform>%n saved example response not imported</numerusform>
            <numerusform>%n saved example responses not imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/formats/postmanbody.cpp" line="+175"/>
        <source>form part &quot;%1&quot;: only the first of %n files imported</source>
        <translation>
            <numerusform>form part &quot;%1&quot;: only the first of %n file imported</numerusform>
            <numerusform>form part &quot;%1&quot;: only the first of %n files imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResponseViewer</name>
    <message numerus="yes">
        <location filename="../app/gui/run/responseviewer.cpp" line="+302"/>
        <source>retried %n time(s)</source>
        <translation>
            <numerusform>retried %n time</numerusform>
            <numerusform>retried %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n redirect(s)</source>
        <translation>
            <numerusform>%n redirect</numerusform>
            <numerusform>%n redirects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n assertion(s) failed</source>
        <translation>
            <numerusform>%n assertion failed</numerusform>
            <numerusform>%n assertions failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <location filename="../app/gui/run/resultsmodel.cpp" line="+413"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1, retried %n time(s)</source>
        <translation>
            <numerusform>%1, retried %n time</numerusform>
            <numerusform>%1, retried %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 byte(s) received</source>
        <translation>
            <numerusform>%1 byte received</numerusform>
            <numerusform>%1 bytes received</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message numerus="yes">
        <location filename="../app/gui/run/resultspane.cpp" line="+175"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n result(s) shown</source>
        <translation>
            <numerusform>%1 of %n result shown</numerusform>
            <numerusform>%1 of %n results shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/runcommand.cpp" line="+225"/>
        <source>not carried over: %1 (%n time(s))</source>
        <translation>
            <numerusform>not carried over: %1 (%n time)</numerusform>
            <numerusform>not carried over: %1 (%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message numerus="yes">
        <location filename="../app/cli/summaryprinter.cpp" line="+57"/>
        <source>  Assertions:    %1 checked, %2 failed (in %3 request(s))
</source>
        <translation>
            <numerusform>  Assertions:    %1 checked, %2 failed (in %3 request)
</numerusform>
            <numerusform>  Assertions:    %1 checked, %2 failed (in %3 requests)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message numerus="yes">
        <location filename="../app/gui/run/summarystrip.cpp" line="+57"/>
        <location line="+59"/>
        <source>%Ln errors</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>Requests finished / requests in the run; %Ln not sent (stopped)</source>
        <translation>
            <numerusform>Requests finished / requests in the run; %Ln not sent (stopped)</numerusform>
            <numerusform>Requests finished / requests in the run; %Ln not sent (stopped)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimingWaterfall</name>
    <message numerus="yes">
        <location filename="../app/gui/run/timingwaterfall.cpp" line="+294"/>
        <source> · retried %n time(s): the phases are the last attempt&apos;s</source>
        <translation>
            <numerusform> · retried %n time: the phases are the last attempt&apos;s</numerusform>
            <numerusform> · retried %n times: the phases are the last attempt&apos;s</numerusform>
        </translation>
    </message>
</context>
</TS>
