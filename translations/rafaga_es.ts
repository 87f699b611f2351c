<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Assertions</name>
    <message>
        <location filename="../app/core/checks/assertions.cpp" line="+25"/>
        <source>(missing)</source>
        <translation>(ausente)</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>(empty body)</source>
        <translation>(cuerpo vacío)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>invalid assertion: %1</source>
        <translation>aserción no válida: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no response)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>invalid JSON body</source>
        <translation>cuerpo JSON no válido</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(unknown)</source>
        <translation>(desconocida)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+208"/>
        <source>unknown kind of assertion</source>
        <translation>tipo de aserción desconocido</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>expected == or in after status</source>
        <translation>se esperaba == o in después de status</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a header name after header</source>
        <translation>se esperaba un nombre de cabecera después de header</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected exists, == or contains after the header name</source>
        <translation>se esperaba exists, == o contains después del nombre de la cabecera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected contains after body</source>
        <translation>se esperaba contains después de body</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a JSON path like data.items[0].id after json</source>
        <translation>se esperaba una ruta JSON como data.items[0].id después de json</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected exists or == after the JSON path</source>
        <translation>se esperaba exists o == después de la ruta JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &lt; after latency</source>
        <translation>se esperaba &lt; después de latency</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected an assertion starting with status, header, body, json or latency</source>
        <translation>se esperaba una aserción que empezara por status, header, body, json o latency</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>column %1</source>
        <translation>columna %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>unexpected text after exists</source>
        <translation>texto inesperado después de exists</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected a status code like 200, found &quot;%1&quot;</source>
        <translation>se esperaba un código de estado como 200, se encontró &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a status range like 200-299 or 2xx, found &quot;%1&quot;</source>
        <translation>se esperaba un rango de estados como 200-299 o 2xx, se encontró &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a header name like Content-Type, found &quot;%1&quot;</source>
        <translation>se esperaba un nombre de cabecera como Content-Type, se encontró &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid JSON path &quot;%1&quot;: %2</source>
        <translation>ruta JSON &quot;%1&quot; no válida: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a number of milliseconds above 0, found &quot;%1&quot;</source>
        <translation>se esperaba un número de milisegundos mayor que 0, se encontró &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>AssertionsTable</name>
    <message>
        <location filename="../app/gui/editors/assertionstable.cpp" line="+27"/>
        <source>Status equals</source>
        <translation>Estado igual a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status in range</source>
        <translation>Estado dentro del rango</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header exists</source>
        <translation>Cabecera presente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header equals</source>
        <translation>Cabecera igual a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header contains</source>
        <translation>Cabecera contiene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body contains</source>
        <translation>Cuerpo contiene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON path exists</source>
        <translation>Ruta JSON presente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON path equals</source>
        <translation>Ruta JSON igual a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency below (ms)</source>
        <translation>Latencia inferior a (ms)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Header or JSON path</source>
        <translation>Cabecera o ruta JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add check</source>
        <translation>Añadir comprobación</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Checks run on every response; failures are counted and shown in the results.</source>
        <translation>Las comprobaciones se aplican a cada respuesta; los fallos se cuentan y se muestran en los resultados.</translation>
    </message>
</context>
<context>
    <name>AuthEditor</name>
    <message>
        <location filename="../app/gui/editors/autheditor.cpp" line="+44"/>
        <source>Inherit from parent</source>
        <translation>Heredar del nivel superior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No auth</source>
        <translation>Sin autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic auth</source>
        <translation>Autenticación básica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Token bearer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Authorization header or key is added.</source>
        <translation>No se añade ninguna cabecera Authorization ni clave.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Username:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>token, or {{variable}}</source>
        <translation>token o {{variable}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query parameter</source>
        <translation>Parámetro de consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Valor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send in:</source>
        <translation>Enviar en:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Inherits basic auth (user “%1”) from its folder or the collection.</source>
        <translation>Hereda la autenticación básica (usuario “%1”) de su carpeta o de la colección.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inherits a bearer token from its folder or the collection.</source>
        <translation>Hereda un token bearer de su carpeta o de la colección.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inherits the API key “%1” from its folder or the collection.</source>
        <translation>Hereda la clave de API “%1” de su carpeta o de la colección.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inherits no auth: neither its folders nor the collection set one.</source>
        <translation>No hereda autenticación: ni sus carpetas ni la colección definen ninguna.</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../app/gui/editors/bodyeditor.cpp" line="+50"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No body</source>
        <translation>Sin cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form (URL-encoded)</source>
        <translation>Formulario (codificado como URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multipart form</source>
        <translation>Formulario multiparte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary file</source>
        <translation>Archivo binario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This request sends no body.</source>
        <translation>Esta petición no envía cuerpo.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Content type:</source>
        <translation>Tipo de contenido:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format JSON</source>
        <translation>Formatear JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body text; {{variables}} are replaced when sending</source>
        <translation>Texto del cuerpo; las {{variables}} se sustituyen al enviar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value or file path</source>
        <translation>Valor o ruta del archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content type</source>
        <translation>Tipo de contenido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add text part</source>
        <translation>Añadir parte de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add file part…</source>
        <translation>Añadir parte de archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Path of the file to send as the body</source>
        <translation>Ruta del archivo que se envía como cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Body:</source>
        <translation>Cuerpo:</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Body file</source>
        <translation>Archivo del cuerpo</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>File part</source>
        <translation>Parte de archivo</translation>
    </message>
</context>
<context>
    <name>Captures</name>
    <message>
        <location filename="../app/core/checks/captures.cpp" line="+46"/>
        <source>no header %1</source>
        <translation>no hay cabecera %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no cookie %1</source>
        <translation>no hay cookie %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no match for %1</source>
        <translation>ninguna coincidencia con %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the body is not JSON</source>
        <translation>el cuerpo no es JSON</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no value at %1</source>
        <translation>ningún valor en %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a capture needs the name of a variable</source>
        <translation>una captura necesita el nombre de una variable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a header capture needs a name</source>
        <translation>una captura de cabecera necesita un nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a cookie capture needs a name</source>
        <translation>una captura de cookie necesita un nombre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a regular expression capture needs a pattern</source>
        <translation>una captura por expresión regular necesita un patrón</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid regular expression %1: %2</source>
        <translation>expresión regular no válida %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid JSON path %1: %2</source>
        <translation>ruta JSON no válida %1: %2</translation>
    </message>
</context>
<context>
    <name>CapturesTable</name>
    <message>
        <location filename="../app/gui/editors/capturestable.cpp" line="+41"/>
        <source>JSON path</source>
        <translation>Ruta JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status code</source>
        <translation>Código de estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not needed: the status code is the value</source>
        <translation>no hace falta: el valor es el código de estado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A value of the JSON body at a path, like data.token or items[0].id; a string gives its text, other values their JSON</source>
        <translation>Un valor del cuerpo JSON en una ruta, como data.token o items[0].id; una cadena da su texto, los demás valores su JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value of a response header, by its name</source>
        <translation>El valor de una cabecera de la respuesta, por su nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A regular expression over the body: its first group, or the whole match</source>
        <translation>Una expresión regular sobre el cuerpo: su primer grupo, o la coincidencia entera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The response&apos;s status code, like 201</source>
        <translation>El código de estado de la respuesta, como 201</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value of a cookie the response sets (Set-Cookie), by its name</source>
        <translation>El valor de una cookie que fija la respuesta (Set-Cookie), por su nombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expression</source>
        <translation>Expresión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a variable from this request&apos;s response; later requests in the same data row use it as {{name}}.</source>
        <translation>Fija una variable a partir de la respuesta de esta petición; las peticiones posteriores de la misma fila de datos la usan como {{name}}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add capture</source>
        <translation>Añadir captura</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The variable to set: later requests use it as {{name}}</source>
        <translation>La variable que se fija: las peticiones posteriores la usan como {{name}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part of the response the value comes from</source>
        <translation>La parte de la respuesta de la que sale el valor</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Later requests use it as {{%1}}</source>
        <translation>Las peticiones posteriores la usan como {{%1}}</translation>
    </message>
</context>
<context>
    <name>ChartPlot</name>
    <message>
        <location filename="../app/gui/charts/chartplot.cpp" line="+46"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../app/gui/charts/chartspanel.cpp" line="+215"/>
        <source>No run</source>
        <translation>Sin ejecución</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests: %1 · failed: %2 · p50 %3 · p95 %4 · p99 %5 · %6 req/s · %7</source>
        <translation>Peticiones: %1 · fallidas: %2 · p50 %3 · p95 %4 · p99 %5 · %6 req/s · %7</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+18"/>
        <location line="+12"/>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Rafaga</source>
        <translation>Rafaga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rafaga run charts</source>
        <translation>Gráficos de ejecución de Rafaga</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/cliutil.cpp" line="+54"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>no se puede leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write to standard output</source>
        <translation>no se puede escribir en la salida estándar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>no se puede escribir &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="+25"/>
        <source>Usage: rafaga [COMMAND] [OPTIONS]

Without a command, opens the desktop workbench.

Commands:
  run      send requests, many at a time, and report what came back
  serve    start the built-in HTTP server for trying things offline
  demo     run a burst of requests against the built-in server, in-process
  import   turn a Postman collection, HAR file or curl command into a collection
  export   write a collection as a Postman collection, curl commands or a Locust file
  report   print a run&apos;s summary from its results file (NDJSON)

Options:
  -h, --help     show this help
  -v, --version  show the version

&apos;rafaga COMMAND --help&apos; describes a command.
</source>
        <translation>Uso: rafaga [COMANDO] [OPCIONES]

Sin comando, abre la herramienta de escritorio.

Comandos:
  run      enviar peticiones, muchas a la vez, e informar de lo que se recibió
  serve    iniciar el servidor HTTP integrado para hacer pruebas sin conexión
  demo     lanzar una ráfaga de peticiones al servidor integrado (mismo proceso)
  import   crear una colección desde Postman, un archivo HAR o un comando curl
  export   escribir una colección como colección de Postman, comandos curl o un archivo de Locust
  report   mostrar el resumen de una ejecución desde su archivo de resultados (NDJSON)

Opciones:
  -h, --help     mostrar esta ayuda
  -v, --version  mostrar la versión

&apos;rafaga COMANDO --help&apos; describe un comando.
</translation>
    </message>
</context>
<context>
    <name>CollectionDocument</name>
    <message>
        <location filename="../app/gui/collection/collectiondocument.cpp" line="+61"/>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
</context>
<context>
    <name>CollectionFile</name>
    <message>
        <location filename="../app/core/collection/collectionfile.cpp" line="+29"/>
        <source>expected &quot;name&quot;; this entry has &quot;key&quot;, Postman&apos;s spelling: rename it to &quot;name&quot;</source>
        <translation>se esperaba &quot;name&quot;; esta entrada tiene &quot;key&quot;, como lo escribe Postman: renómbrelo a &quot;name&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected &quot;name&quot;</source>
        <translation>se esperaba &quot;name&quot;</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>expected either &quot;value&quot; or &quot;file&quot;, not both</source>
        <translation>se esperaba &quot;value&quot; o &quot;file&quot;, no ambos</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>expected the name of a variable</source>
        <translation>se esperaba el nombre de una variable</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>expected &quot;folder&quot; or &quot;request&quot;</source>
        <translation>se esperaba &quot;folder&quot; o &quot;request&quot;</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>not a Rafaga collection: expected &quot;format&quot;: &quot;%1&quot;</source>
        <translation>no es una colección de Rafaga: se esperaba &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected &quot;version&quot;: %1</source>
        <translation>se esperaba &quot;version&quot;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is format version %1, written by a newer Rafaga; this version reads version %2 at most</source>
        <translation>el archivo tiene la versión %1 del formato, escrita por un Rafaga más reciente; esta versión de Rafaga lee como máximo la versión %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <location filename="../app/core/collection/collectionwriter.cpp" line="+424"/>
        <source>cannot save %1: %2</source>
        <translation>no se puede guardar %1: %2</translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message numerus="yes">
        <location filename="../app/gui/collection/collectionmodel.cpp" line="+140"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Captures %1 from its response, for the requests after it</source>
        <translation>Captura %1 de su respuesta, para las peticiones que vienen después</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
</context>
<context>
    <name>CollectionSettingsDialog</name>
    <message>
        <location filename="../app/gui/collection/collectionsettingsdialog.cpp" line="+24"/>
        <location line="+4"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection Settings</source>
        <translation>Configuración de la colección</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+34"/>
        <location line="+14"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environments</source>
        <translation>Entornos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New Environment</source>
        <translation>Nuevo entorno</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename Environment</source>
        <translation>Renombrar entorno</translation>
    </message>
</context>
<context>
    <name>CollectionSource</name>
    <message>
        <location filename="../app/core/collection/requestbuilder.cpp" line="+97"/>
        <source>unresolved variable %1</source>
        <translation>variable %1 sin resolver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unresolved variables %1</source>
        <translation>variables %1 sin resolver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the environment variable %1 is not set</source>
        <translation>la variable de entorno %1 no está definida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the environment variables %1 are not set</source>
        <translation>las variables de entorno %1 no están definidas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the method &quot;%1&quot; is not a valid HTTP method name</source>
        <translation>el método &quot;%1&quot; no es un nombre de método HTTP válido</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the API key has no parameter name</source>
        <translation>la clave de API no tiene nombre de parámetro</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid URL &quot;%1&quot;: %2</source>
        <translation>URL &quot;%1&quot; no válida: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid URL &quot;%1&quot;: expected http:// or https://</source>
        <translation>URL &quot;%1&quot; no válida: se esperaba http:// o https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid URL &quot;%1&quot;: no host</source>
        <translation>URL &quot;%1&quot; no válida: falta el host</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the header name &quot;%1&quot; is not valid</source>
        <translation>el nombre de cabecera &quot;%1&quot; no es válido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the value of header &quot;%1&quot; contains a line break</source>
        <translation>el valor de la cabecera &quot;%1&quot; contiene un salto de línea</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the API key has no header name</source>
        <translation>la clave de API no tiene nombre de cabecera</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: no file given</source>
        <translation>%1: no se indicó ningún archivo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: &quot;%2&quot; is read from the working directory (%3): the collection&apos;s folder has no such file</source>
        <translation>%1: &quot;%2&quot; se lee del directorio de trabajo (%3): la carpeta de la colección no tiene ese archivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot read the file &quot;%2&quot;</source>
        <translation>%1: no se puede leer el archivo &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: cannot read the file &quot;%2&quot; (tried %3)</source>
        <translation>%1: no se puede leer el archivo &quot;%2&quot; (probado: %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot read the file &quot;%2&quot;: %3</source>
        <translation>%1: no se puede leer el archivo &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+82"/>
        <source>the body file</source>
        <translation>el archivo del cuerpo</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+19"/>
        <source>form part &quot;%1&quot;</source>
        <translation>la parte &quot;%1&quot; del formulario</translation>
    </message>
    <message>
        <location filename="../app/core/collection/collectionsource.cpp" line="+213"/>
        <source>the number of iterations must be 0 or more</source>
        <translation>el número de iteraciones debe ser 0 o mayor</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>no environment named &quot;%1&quot; in the collection (it has %2)</source>
        <translation>la colección no tiene ningún entorno llamado &quot;%1&quot; (entornos disponibles: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no folder named &quot;%1&quot; in the collection</source>
        <translation>la colección no tiene ninguna carpeta llamada &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing to run: the collection has no requests</source>
        <translation>nada que ejecutar: la colección no tiene peticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to run: the selected folders hold no requests</source>
        <translation>nada que ejecutar: las carpetas seleccionadas no contienen peticiones</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the run would send %1 requests; at most %2 fit in one run</source>
        <translation>la ejecución enviaría %1 peticiones; en una ejecución caben como máximo %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+134"/>
        <source>request &quot;%1&quot;: %2</source>
        <translation>petición &quot;%1&quot;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-48"/>
        <source>%n problem(s) before the run:</source>
        <translation>
            <numerusform>%n problema antes de la ejecución:</numerusform>
            <numerusform>%n problemas antes de la ejecución:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (y %n más)</numerusform>
            <numerusform> (y %n más)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>  (and %n more problem(s))</source>
        <translation>
            <numerusform>  (y %n problema más)</numerusform>
            <numerusform>  (y %n problemas más)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-71"/>
        <source>request &quot;%1&quot;, row %2</source>
        <translation>petición &quot;%1&quot;, fila %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request &quot;%1&quot;</source>
        <translation>petición &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>CollectionTree</name>
    <message>
        <location filename="../app/gui/collection/collectiontree.cpp" line="+40"/>
        <source>Filter requests</source>
        <translation>Filtrar peticiones</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add &amp;Request</source>
        <translation>Añadir &amp;petición</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;Folder</source>
        <translation>Añadir &amp;carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Duplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;name</source>
        <translation>Re&amp;nombrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;lete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>New folder</source>
        <translation>Nueva carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add request</source>
        <translation>Añadir petición</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete Folder</source>
        <translation>Eliminar carpeta</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete “%1” and the %n item(s) in it?</source>
        <translation>
            <numerusform>¿Eliminar “%1” y su contenido (%n elemento)?</numerusform>
            <numerusform>¿Eliminar “%1” y su contenido (%n elementos)?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>CompareWidget</name>
    <message>
        <location filename="../app/gui/charts/comparewidget.cpp" line="+53"/>
        <source>Swap</source>
        <translation>Intercambiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap the baseline and the candidate</source>
        <translation>Intercambiar la referencia y la candidata</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Baseline (A):</source>
        <translation>Referencia (A):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Candidate (B):</source>
        <translation>Candidata (B):</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Latency (ms, log scale)</source>
        <translation>Latencia (ms, escala log.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of requests (%)</source>
        <translation>Proporción de peticiones (%)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+240"/>
        <source>Baseline (A)</source>
        <translation>Referencia (A)</translation>
    </message>
    <message>
        <location line="-240"/>
        <location line="+242"/>
        <source>Candidate (B)</source>
        <translation>Candidata (B)</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Variación</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%1: %n requests, concurrency %2</source>
        <translation>
            <numerusform>%1: %n petición, concurrencia %2</numerusform>
            <numerusform>%1: %n peticiones, concurrencia %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, rate %1/s</source>
        <translation>, tasa %1/s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No finished runs yet. Each run of this session is kept here.</source>
        <translation>Aún no hay ejecuciones terminadas. Aquí se guarda cada ejecución de esta sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. Run again to compare two runs.</source>
        <translation>%1. Vuelve a ejecutar para comparar dos ejecuciones.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A = %1
B = %2</source>
        <translation>A = %1
B = %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+92"/>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+94"/>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1%2 %</source>
        <translation>%1%2 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>B is better</source>
        <translation>B es mejor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B is worse</source>
        <translation>B es peor</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99.9</source>
        <translation>p99.9</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Req/s</source>
        <translation>Req/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
</context>
<context>
    <name>ContentDecoder</name>
    <message>
        <location filename="../app/core/http/contentdecoder.cpp" line="+80"/>
        <source>Decompression failed</source>
        <translation>Falló la descompresión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decompression bomb: the body inflated to more than %1 times its encoded size beyond %2 bytes (the limit)</source>
        <translation>Bomba de descompresión: el cuerpo se expandió a más de %1 veces su tamaño codificado pasados %2 bytes (el límite)</translation>
    </message>
</context>
<context>
    <name>CurlImport</name>
    <message>
        <location filename="../app/core/formats/curlimport.cpp" line="+83"/>
        <source>word %1 (%2)</source>
        <translation>palabra %1 (%2)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+14"/>
        <source>ignored options that change only what curl prints or how it connects: %1</source>
        <translation>se ignoraron opciones que solo cambian lo que muestra curl o cómo se conecta: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>$%1 is the variable {{%1}}: its value comes from --var, an environment, the collection, or else the process environment, as a shell&apos;s would</source>
        <translation>$%1 es la variable {{%1}}: su valor viene de --var, de un entorno, de la colección o, si no, del entorno del proceso, como en un shell</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlcommandline.cpp" line="+27"/>
        <source>subshells, case lists and here-documents are not supported</source>
        <translation>no se admiten subshells, listas case ni here-documents</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the command line is empty: expected a curl command</source>
        <translation>la línea de comandos está vacía: se esperaba un comando curl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a second command starts here; import one curl command at a time (end a line with \ to continue the command on the next)</source>
        <translation>aquí empieza un segundo comando; los comandos curl se importan de uno en uno (para continuar un comando en la línea siguiente, termina la línea con \)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a pipe without a command on one side</source>
        <translation>una tubería sin comando en uno de sus lados</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only one command may feed curl&apos;s standard input</source>
        <translation>solo un comando puede alimentar la entrada estándar de curl</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ignored the command that curl&apos;s output is piped into: %1</source>
        <translation>se ignoró el comando que recibe por tubería la salida de curl: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>redirections of the command before the pipe are not supported</source>
        <translation>no se admiten redirecciones en el comando anterior a la tubería</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>printf conversions other than %% are not supported</source>
        <translation>no se admiten conversiones de printf distintas de %%</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>a redirection without a file name after it</source>
        <translation>una redirección sin nombre de archivo a continuación</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 needs a value after it</source>
        <translation>%1 necesita un valor a continuación</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--expand-%1: curl variables are not expanded</source>
        <translation>--expand-%1: las variables de curl no se expanden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--no- can only turn off an on/off option</source>
        <translation>--no- solo puede desactivar una opción de tipo sí/no</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>unknown curl option %1</source>
        <translation>opción de curl %1 desconocida</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 takes no value</source>
        <translation>%1 no admite ningún valor</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlimport.cpp" line="-47"/>
        <source>a second URL (the first is word %1); import one request at a time</source>
        <translation>una segunda URL (la primera es la palabra %1); las peticiones se importan de una en una</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an empty URL</source>
        <translation>una URL vacía</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curloptionvalues.cpp" line="+150"/>
        <source>expected a number after %1, not &quot;%2&quot;</source>
        <translation>se esperaba un número después de %1, no &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>expected a method name after %1</source>
        <translation>se esperaba un nombre de método después de %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 gives no password (curl would ask for one); the password is left empty</source>
        <translation>%1 no indica ninguna contraseña (curl la pediría); la contraseña se deja vacía</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ignored %1 %2: reading cookies from a file is not supported</source>
        <translation>se ignoró %1 %2: no se admite leer cookies de un archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 &apos;&apos; leaves the User-Agent out in curl; Rafaga always sends one</source>
        <translation>%1 &apos;&apos; omite el User-Agent en curl; Rafaga siempre envía uno</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ;auto (a Referer on redirects) is not supported</source>
        <translation>no se admite %1 ;auto (un Referer en las redirecciones)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 needs no header: Rafaga asks for gzip and deflate by itself and decompresses the answer (an explicit Accept-Encoding header would turn that off)</source>
        <translation>%1 no necesita ninguna cabecera: Rafaga pide gzip y deflate por su cuenta y descomprime la respuesta (una cabecera Accept-Encoding explícita lo desactivaría)</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>uploading standard input is not supported</source>
        <translation>no se admite subir la entrada estándar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 reads more options from a file, which is not supported; paste those options instead</source>
        <translation>%1 lee más opciones de un archivo, lo cual no se admite; pega esas opciones en su lugar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 starts a second request; import one request at a time</source>
        <translation>%1 empieza una segunda petición; las peticiones se importan de una en una</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>ignored %1: not supported, so the request may differ from what curl sends</source>
        <translation>se ignoró %1: no se admite, así que la petición puede diferir de lo que envía curl</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>reading headers from a file (%1 @file) is not supported</source>
        <translation>no se admite leer cabeceras de un archivo (%1 @archivo)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a header as &apos;Name: value&apos;, not &quot;%1&quot;</source>
        <translation>se esperaba una cabecera con la forma &apos;Nombre: valor&apos;, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 &apos;User-Agent:&apos; removes the header in curl; Rafaga always sends one</source>
        <translation>%1 &apos;User-Agent:&apos; quita la cabecera en curl; Rafaga siempre envía una</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>cannot read %1: no such file</source>
        <translation>no se puede leer %1: el archivo no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read %1: not a regular file</source>
        <translation>no se puede leer %1: no es un archivo regular</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>cannot read %1: larger than %2 MiB</source>
        <translation>no se puede leer %1: ocupa más de %2 MiB</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 read %2 now: the request keeps its content, not the file</source>
        <translation>%1 leyó %2 al importar: la petición guarda su contenido, no el archivo</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>@- reads the output of %1, which an import cannot run; save it to a file and use @file</source>
        <translation>@- lee la salida de %1, que una importación no puede ejecutar; guárdala en un archivo y usa @archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>@- reads standard input, which an import cannot see; save it to a file and use @file</source>
        <translation>@- lee la entrada estándar, que una importación no puede ver; guárdala en un archivo y usa @archivo</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlform.cpp" line="+97"/>
        <source>expected name=content after %1</source>
        <translation>se esperaba nombre=contenido después de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nested multipart parts are not supported</source>
        <translation>no se admiten partes multiparte anidadas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>several files in one field are not supported; give each file its own %1</source>
        <translation>no se admiten varios archivos en un mismo campo; usa un %1 para cada archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a content type like text/plain after type=, not &quot;%1&quot;</source>
        <translation>se esperaba un tipo de contenido como text/plain después de type=, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: filename= is not supported; the file&apos;s own name is sent</source>
        <translation>%1 %2: no se admite filename=; se envía el nombre real del archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: ignored %3</source>
        <translation>%1 %2: atributos ignorados: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a form part from standard input is not supported</source>
        <translation>no se admite una parte de formulario leída de la entrada estándar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not UTF-8 text; send it as a file with name=@%1</source>
        <translation>%1 no es texto UTF-8; envíalo como archivo con nombre=@%1</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlrequest.cpp" line="+82"/>
        <source>no URL: expected one after curl</source>
        <translation>no hay URL: se esperaba una después de curl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-F cannot be combined with -d, --data-* or --json (curl refuses too)</source>
        <translation>-F no se puede combinar con -d, --data-* ni --json (curl tampoco lo acepta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-F cannot be combined with -G</source>
        <translation>-F no se puede combinar con -G</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-T cannot be combined with -d, --data-*, --json or -F</source>
        <translation>-T no se puede combinar con -d, --data-*, --json ni -F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-I sends no body: data needs -G to go into the URL (curl refuses too)</source>
        <translation>-I no envía cuerpo: los datos necesitan -G para ir en la URL (curl tampoco lo acepta)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 @%2: curl leaves out the file&apos;s line breaks, Rafaga sends the file as it is (as --data-binary would)</source>
        <translation>%1 @%2: curl quita los saltos de línea del archivo; Rafaga envía el archivo tal cual (como haría --data-binary)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>-T sends no Content-Type in curl; Rafaga labels the file by its extension</source>
        <translation>-T no envía Content-Type en curl; Rafaga indica el tipo del archivo según su extensión</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>-H &apos;Content-Type:&apos; sends the body without a Content-Type in curl; Rafaga labels a raw body text/plain and a JSON body application/json</source>
        <translation>-H &apos;Content-Type:&apos; envía el cuerpo sin Content-Type en curl; Rafaga marca un cuerpo sin formato como text/plain y un cuerpo JSON como application/json</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the body is not UTF-8 text, so the collection cannot hold it exactly; save it to a file and use --data-binary @file</source>
        <translation>el cuerpo no es texto UTF-8, así que la colección no puede guardarlo tal cual; guárdalo en un archivo y usa --data-binary @archivo</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not supported; the credentials are sent with basic auth</source>
        <translation>no se admite %1; las credenciales se envían con autenticación básica</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlimport.cpp" line="+65"/>
        <source>-k applies to the whole run: turn on insecure TLS in its settings</source>
        <translation>-k afecta a toda la ejecución: activa la opción de TLS inseguro en la configuración de la ejecución</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-L applies to the whole run: Rafaga follows redirects unless its settings say not to</source>
        <translation>-L afecta a toda la ejecución: Rafaga sigue las redirecciones salvo que su configuración indique lo contrario</translation>
    </message>
    <message>
        <location filename="../app/core/formats/curlcommands.cpp" line="+105"/>
        <source>skipped the command %1: not curl</source>
        <translation>se omitió el comando %1: no es curl</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no curl command found: expected a command line starting with curl</source>
        <translation>no se encontró ningún comando curl: se esperaba una línea de comandos que empezara por curl</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n curl command(s) found, each imported as a request</source>
        <translation>
            <numerusform>se encontró %n comando curl, importado como una petición</numerusform>
            <numerusform>se encontraron %n comandos curl, cada uno importado como una petición</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPreviewDialog</name>
    <message>
        <location filename="../app/gui/collection/datapreviewdialog.cpp" line="+17"/>
        <source>Data Set: %1</source>
        <translation>Conjunto de datos: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 row(s) × %2</source>
        <translation>
            <numerusform>%1 fila × %2</numerusform>
            <numerusform>%1 filas × %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n columna</numerusform>
            <numerusform>%n columnas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; the first %2 are shown. Each row runs every selected request once, its columns as {{variables}}.</source>
        <translation>%1; se muestran las primeras %2. Cada fila ejecuta una vez cada petición seleccionada, con sus columnas como {{variables}}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. Each row runs every selected request once, its columns as {{variables}}.</source>
        <translation>%1. Cada fila ejecuta una vez cada petición seleccionada, con sus columnas como {{variables}}.</translation>
    </message>
</context>
<context>
    <name>DataSet</name>
    <message>
        <location filename="../app/core/collection/dataset.cpp" line="+49"/>
        <source>the file is empty; expected a data set</source>
        <translation>el archivo está vacío; se esperaba un conjunto de datos</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>out of memory</source>
        <translation>memoria insuficiente</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a quoted field is never closed; expected a closing quote (&quot;) before the end of the file</source>
        <translation>un campo entre comillas no se cierra nunca; se esperaba una comilla de cierre (&quot;) antes del final del archivo</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>field %1 is not valid UTF-8; save the file as UTF-8</source>
        <translation>el campo %1 no es UTF-8 válido; guarda el archivo en UTF-8</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n field(s), the header has %1</source>
        <translation>
            <numerusform>%n campo, la cabecera tiene %1</numerusform>
            <numerusform>%n campos, la cabecera tiene %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>column %1 of the header has no name</source>
        <translation>la columna %1 de la cabecera no tiene nombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the header names &quot;%1&quot; twice, in columns %2 and %3</source>
        <translation>la cabecera repite el nombre &quot;%1&quot; en las columnas %2 y %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>white space before the opening quote of a field; expected the quote right after the comma</source>
        <translation>espacio en blanco antes de la comilla de apertura de un campo; se esperaba la comilla justo después de la coma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a quote inside an unquoted field; expected the whole field in quotes, with each quote in it doubled</source>
        <translation>una comilla dentro de un campo sin comillas; se esperaba el campo entero entre comillas, con cada comilla interior duplicada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text after the closing quote of a field; expected a comma or the end of the line (a quote inside a quoted field is written twice)</source>
        <translation>texto después de la comilla de cierre de un campo; se esperaba una coma o el final de la línea (una comilla dentro de un campo entre comillas se escribe dos veces)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>row %1</source>
        <translation>fila %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>expected an array of objects, found %1</source>
        <translation>se esperaba un array de objetos, se encontró %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>[%1]: expected an object, found %2</source>
        <translation>[%1]: se esperaba un objeto, se encontró %2</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected JSON structure</source>
        <translation>estructura JSON inesperada</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>invalid JSON: %1</source>
        <translation>JSON no válido: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <location filename="../app/cli/democommand.cpp" line="+19"/>
        <source>Usage: rafaga demo [RUN OPTIONS]

Starts the built-in server on a free loopback port and sends it 2,000 requests, 50 at a time, through `rafaga run`; any option of `rafaga run` may be added (e.g. -c 200, --json FILE).
</source>
        <translation>Uso: rafaga demo [OPCIONES DE RUN]

Inicia el servidor integrado en un puerto libre de la interfaz loopback y le envía 2000 peticiones, 50 a la vez, mediante `rafaga run`; se puede añadir cualquier opción de `rafaga run` (p. ej., -c 200, --json ARCHIVO).
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>rafaga demo: cannot start the built-in server: %1</source>
        <translation>rafaga demo: no se puede iniciar el servidor integrado: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built-in server at %1
rafaga run --url %2 -n 2000 -c 50

</source>
        <translation>Servidor integrado en %1
rafaga run --url %2 -n 2000 -c 50

</translation>
    </message>
</context>
<context>
    <name>ErrorCategory</name>
    <message>
        <location filename="../app/core/model/errorcategory.cpp" line="+45"/>
        <source>no error</source>
        <translation>sin error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connection refused</source>
        <translation>conexión rechazada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host not found</source>
        <translation>equipo no encontrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>tiempo de espera agotado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connection closed or reset</source>
        <translation>conexión cerrada o restablecida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS error</source>
        <translation>error de TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many redirects</source>
        <translation>demasiadas redirecciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>no enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped: cannot be built</source>
        <translation>omitida: no se puede construir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>other error</source>
        <translation>otro error</translation>
    </message>
</context>
<context>
    <name>FastHttpReply</name>
    <message>
        <location filename="../app/core/http/fasthttpreply.cpp" line="+109"/>
        <source>Malformed HTTP response: status code %1 is not a valid status (100 to 999)</source>
        <translation>Respuesta HTTP mal formada: el código de estado %1 no es un estado válido (100 a 999)</translation>
    </message>
    <message>
        <location line="+356"/>
        <source>Malformed HTTP response: %1</source>
        <translation>Respuesta HTTP mal formada: %1</translation>
    </message>
    <message>
        <location filename="../app/core/http/fasthttp2connection.cpp" line="+465"/>
        <source>HTTP/2 connection closed by the server (GOAWAY): %1</source>
        <translation>Conexión HTTP/2 cerrada por el servidor (GOAWAY): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/2 stream reset by the server: %1</source>
        <translation>Flujo HTTP/2 reiniciado por el servidor: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>HTTP/2 server stopped accepting new streams (GOAWAY) before this one was processed, on the first connection and on a second one</source>
        <translation>El servidor HTTP/2 dejó de aceptar flujos nuevos (GOAWAY) antes de procesar este, en la primera conexión y en una segunda</translation>
    </message>
    <message>
        <location filename="../app/core/http/fasthttpconnection.cpp" line="+282"/>
        <source>Malformed HTTP response: a chunk&apos;s data is not followed by CRLF</source>
        <translation>Respuesta HTTP mal formada: los datos de un fragmento no van seguidos de CRLF</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../app/gui/fileflows.cpp" line="+101"/>
        <source>Unsaved Changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1” tiene cambios sin guardar. ¿Guardarlos antes?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Add Request from curl Command</source>
        <translation>Añadir petición desde un comando curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a curl command, or several (from a browser&apos;s “Copy as cURL”, API docs, a terminal); each is added to the open collection, and shell variables such as $TOKEN become variables:</source>
        <translation>Pegue una o varias órdenes curl (del «Copiar como cURL» de un navegador, de la documentación de una API, de una terminal); cada una se añade a la colección abierta, y las variables de shell como $TOKEN pasan a ser variables:</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+10"/>
        <location line="+6"/>
        <source>Open Collection</source>
        <translation>Abrir colección</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Collections (*.rafaga.json *.json);;All files (*)</source>
        <translation>Colecciones (*.rafaga.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read “%1”: %2</source>
        <translation>No se puede leer “%1”: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” cannot be opened.

%2</source>
        <translation>No se puede abrir “%1”.

%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Imported %1</source>
        <translation>Importación: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+121"/>
        <source>Imported with these notes:

• %1</source>
        <translation>Se importó con estas observaciones:

• %1</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Opened %1</source>
        <translation>Se abrió %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+17"/>
        <location line="+7"/>
        <source>Save Collection</source>
        <translation>Guardar colección</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>The collection was not saved; the file on disk is unchanged.

%1</source>
        <translation>No se guardó la colección; el archivo en disco no ha cambiado.

%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rafaga collections (*.rafaga.json)</source>
        <translation>Colecciones de Rafaga (*.rafaga.json)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save As</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import Collection</source>
        <translation>Importar colección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postman collections and HAR files (*.json *.har);;All files (*)</source>
        <translation>Colecciones de Postman y archivos HAR (*.json *.har);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+24"/>
        <source>Import curl Command</source>
        <translation>Importar comando curl</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Import curl command</source>
        <translation>Importar comando curl</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export as Postman Collection</source>
        <translation>Exportar como colección de Postman</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Postman collections (*.json)</source>
        <translation>Colecciones de Postman (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+54"/>
        <location line="+25"/>
        <source>Cannot write “%1”: %2</source>
        <translation>No se puede escribir “%1”: %2</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+19"/>
        <location line="+11"/>
        <source>Export Results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Run something first: there are no results to export.</source>
        <translation>Primero hay que ejecutar algo: no hay resultados que exportar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HAR files (*.har)</source>
        <translation>Archivos HAR (*.har)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JMeter results (*.jtl)</source>
        <translation>Resultados de JMeter (*.jtl)</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Exported %1 result(s) to %2</source>
        <translation>
            <numerusform>Se exportó %1 resultado a %2</numerusform>
            <numerusform>Se exportaron %1 resultados a %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There are no results to export.</source>
        <translation>No hay resultados que exportar.</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+10"/>
        <source>Export Charts</source>
        <translation>Exportar gráficos</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Documento PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FlowPlan</name>
    <message>
        <location filename="../app/core/collection/flowplan.cpp" line="+79"/>
        <source>request &quot;%1&quot; uses %2, which only it captures: a dependency cycle</source>
        <translation>la petición &quot;%1&quot; usa %2, que solo ella captura: un ciclo de dependencias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dependency cycle: request &quot;%1&quot; needs %2 from &quot;%3&quot;, which waits on &quot;%1&quot;</source>
        <translation>ciclo de dependencias: la petición &quot;%1&quot; necesita %2 de &quot;%3&quot;, que espera a &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request &quot;%1&quot; uses %2 before &quot;%3&quot; captures it (requests run in order within a row)</source>
        <translation>la petición &quot;%1&quot; usa %2 antes de que &quot;%3&quot; lo capture (las peticiones de una fila van en orden)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>needs %1 from &quot;%2&quot;</source>
        <translation>necesita %1 de &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, which was not sent</source>
        <translation>%1, que no se envió</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, which failed: %2</source>
        <translation>%1, que falló: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, which captured nothing</source>
        <translation>%1, que no capturó nada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, which captured nothing: %2</source>
        <translation>%1, que no capturó nada: %2</translation>
    </message>
</context>
<context>
    <name>FolderEditor</name>
    <message>
        <location filename="../app/gui/collection/foldereditor.cpp" line="+16"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the requests in this folder are for</source>
        <translation>Para qué sirven las peticiones de esta carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in this folder see its variables (over the collection&apos;s) and inherit its auth. Run the folder from its context menu.</source>
        <translation>Las peticiones de esta carpeta ven sus variables (que prevalecen sobre las de la colección) y heredan su autenticación. La carpeta se ejecuta desde su menú contextual.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit folder variables</source>
        <translation>Editar variables de la carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit folder auth</source>
        <translation>Editar autenticación de la carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit description</source>
        <translation>Editar descripción</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <location filename="../app/gui/gui.cpp" line="+23"/>
        <source>rafaga: cannot write %1</source>
        <translation>rafaga: no se puede escribir %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A desktop workbench for HTTP requests sent many at a time.</source>
        <translation>Una herramienta de escritorio para enviar muchas peticiones HTTP a la vez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A collection to open.</source>
        <translation>Colección que se abrirá.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Guardar una captura de la ventana en ARCHIVO y salir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --screenshot: run the collection to the end first.</source>
        <translation>Con --screenshot: ejecutar antes la colección hasta el final.</translation>
    </message>
</context>
<context>
    <name>HarImport</name>
    <message>
        <location filename="../app/core/formats/harimport.cpp" line="+107"/>
        <source>a bare HAR request, read as the one entry of a HAR file</source>
        <translation>una petición HAR suelta, leída como la única entrada de un archivo HAR</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected an array of entries</source>
        <translation>se esperaba un array de entradas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HAR import</source>
        <translation>Importación HAR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded by %1 %2</source>
        <translation>Grabado con %1 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the HAR file has no entries</source>
        <translation>el archivo HAR no tiene entradas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the entry has no URL; skipped</source>
        <translation>la entrada no tiene URL; se omitió</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a method such as GET</source>
        <translation>se esperaba un método como GET</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not an HTTP request; skipped</source>
        <translation>%1 no es una petición HTTP; se omitió</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>header &quot;%1&quot; left out: HTTP cannot send that name</source>
        <translation>cabecera &quot;%1&quot; omitida: HTTP no puede enviar ese nombre</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cookie header made from the recorded cookies</source>
        <translation>cabecera Cookie creada a partir de las cookies grabadas</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>body encoded as %1 not imported</source>
        <translation>no se importó el cuerpo codificado en %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>form part &quot;%1&quot; refers to the file &quot;%2&quot;, whose content a HAR does not hold</source>
        <translation>la parte &quot;%1&quot; del formulario hace referencia al archivo &quot;%2&quot;, cuyo contenido no se guarda en un HAR</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the multipart body was not recorded</source>
        <translation>el cuerpo multiparte no se grabó</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>expected a JSON object with a &quot;log&quot;</source>
        <translation>se esperaba un objeto JSON con &quot;log&quot;</translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <location filename="../app/core/server/httpserver.cpp" line="+63"/>
        <source>already listening</source>
        <translation>ya está escuchando</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS is not available (%1)</source>
        <translation>TLS no está disponible (%1)</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>already started</source>
        <translation>ya está iniciado</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <location filename="../app/cli/importcommand.cpp" line="+36"/>
        <source>the value of secret variable &apos;%1&apos; (%2) is not written to the collection: give it with `rafaga run FILE --var %1=VALUE`, or set it in the workbench, which keeps it in your secret store</source>
        <translation>el valor de la variable secreta &apos;%1&apos; (%2) no se escribe en la colección: pásalo con `rafaga run FILE --var %1=VALOR` o defínelo en la aplicación de escritorio, que lo guarda en tu almacén de secretos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>collection</source>
        <translation>colección</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>folder %1</source>
        <translation>carpeta %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>environment %1</source>
        <translation>entorno %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Turns a Postman collection (v2.0, v2.1), a HAR file or a curl command into a Rafaga collection. FILE may be - for standard input.</source>
        <translation>Convierte en colección de Rafaga una colección de Postman (v2.0, v2.1), un archivo HAR o un comando curl. FILE puede ser - para leer de la entrada estándar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to import, or - for standard input.</source>
        <translation>Qué importar, o - para la entrada estándar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the collection here (default: standard output).</source>
        <translation>Escribir la colección en DESTINO (predeterminado: salida estándar).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>OUT</source>
        <translation>DESTINO</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>expected one FILE (or - for standard input)</source>
        <translation>se esperaba un único FILE (o - para la entrada estándar)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>standard input</source>
        <translation>entrada estándar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>note: %1</source>
        <translation>observación: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported %1 from %2 into %3</source>
        <translation>Se importó %2 (%1) en %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exports a collection as a Postman v2.1 collection, or its requests as curl commands. --to locust writes its run as a Locust file (see rafaga export --to locust --help).</source>
        <translation>Exporta una colección como colección de Postman v2.1, o sus peticiones como comandos curl. --to locust escribe su ejecución como archivo de Locust (véase rafaga export --to locust --help).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A Rafaga (or Postman) collection.</source>
        <translation>Una colección de Rafaga (o de Postman).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>postman, curl or locust.</source>
        <translation>postman, curl o locust.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write here (default: standard output).</source>
        <translation>Escribir en DESTINO (predeterminado: salida estándar).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected one collection FILE</source>
        <translation>se esperaba un único archivo de colección FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--to must be postman or curl, not &apos;%1&apos;</source>
        <translation>--to debe ser postman o curl, no &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../app/core/formats/importer.cpp" line="+27"/>
        <source>Rafaga collection</source>
        <translation>colección de Rafaga</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postman collection</source>
        <translation>colección de Postman</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAR file</source>
        <translation>archivo HAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>curl command</source>
        <translation>comando curl</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the input is empty</source>
        <translation>la entrada está vacía</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>test script lines not translated</source>
        <translation>líneas del script de pruebas sin traducir</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Imported from curl</source>
        <translation>Importado desde curl</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>not a collection: expected JSON (a Rafaga or Postman collection, a HAR file) or a curl command</source>
        <translation>no es una colección: se esperaba JSON (una colección de Rafaga o de Postman, un archivo HAR) o un comando curl</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>this is a Postman environment, not a collection: give it to rafaga run with --env-file</source>
        <translation>esto es un entorno de Postman, no una colección: páselo a rafaga run con --env-file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unrecognised JSON: expected a Rafaga collection (&quot;format&quot;: &quot;rafaga-collection&quot;), a Postman collection (&quot;info&quot; and &quot;item&quot;) or a HAR file (&quot;log&quot; with &quot;entries&quot;)</source>
        <translation>JSON no reconocido: se esperaba una colección de Rafaga (&quot;format&quot;: &quot;rafaga-collection&quot;), una colección de Postman (&quot;info&quot; e &quot;item&quot;) o un archivo HAR (&quot;log&quot; con &quot;entries&quot;)</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <location filename="../app/core/checks/jsonpath.cpp" line="+38"/>
        <source>the path is empty; expected a key like data.id, an index like [0], or $ for the whole body</source>
        <translation>la ruta está vacía; se esperaba una clave como data.id, un índice como [0] o $ para todo el cuerpo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>white space outside quotes; a key with spaces is written [&quot;like this&quot;]</source>
        <translation>espacio en blanco fuera de comillas; una clave con espacios se escribe [&quot;como esta&quot;]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected &apos;.&apos; or &apos;[&apos;, found &apos;%1&apos;</source>
        <translation>se esperaba &apos;.&apos; o &apos;[&apos;, se encontró &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>column %1</source>
        <translation>columna %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a key, found &apos;%1&apos;; a key with special characters is written [&quot;like.this&quot;]</source>
        <translation>se esperaba una clave, se encontró &apos;%1&apos;; una clave con caracteres especiales se escribe [&quot;como.esta&quot;]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a key at the end of the path</source>
        <translation>se esperaba una clave al final de la ruta</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>expected an index like [0] or a quoted key like [&quot;name&quot;] after &apos;[&apos;</source>
        <translation>se esperaba un índice como [0] o una clave entre comillas como [&quot;nombre&quot;] después de &apos;[&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &apos;]&apos;</source>
        <translation>se esperaba &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown escape; inside quotes only \\, \&quot; and \&apos; are escapes</source>
        <translation>secuencia de escape desconocida; entre comillas solo son escapes \\, \&quot; y \&apos;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the quoted key is never closed; expected %1 and then &apos;]&apos;</source>
        <translation>la clave entre comillas no se cierra nunca; se esperaba %1 y luego &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a small whole number as the index</source>
        <translation>se esperaba un número entero pequeño como índice</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected a digit</source>
        <translation>se esperaba un dígito</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <location filename="../app/core/base/jsonreader.cpp" line="+193"/>
        <source>invalid JSON: %1</source>
        <translation>JSON no válido: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a JSON object</source>
        <translation>se esperaba un objeto JSON</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+30"/>
        <source>expected a string</source>
        <translation>se esperaba una cadena</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>expected an array</source>
        <translation>se esperaba un array</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+67"/>
        <source>expected an object</source>
        <translation>se esperaba un objeto</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>expected true or false</source>
        <translation>se esperaba true o false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>se esperaba un número entero entre %1 y %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a number, 0 or more</source>
        <translation>se esperaba un número mayor o igual que 0</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>expected one of %1</source>
        <translation>se esperaba uno de estos valores: %1</translation>
    </message>
</context>
<context>
    <name>KeyValueTable</name>
    <message>
        <location filename="../app/gui/editors/keyvaluetable.cpp" line="+25"/>
        <source>Secret</source>
        <translation>Secreta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A secret&apos;s value is kept in your local settings, never in the collection file or an export</source>
        <translation>El valor de una variable secreta se guarda en tu configuración local, nunca en el archivo de la colección ni en una exportación</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected rows (Delete)</source>
        <translation>Quitar las filas seleccionadas (Supr)</translation>
    </message>
</context>
<context>
    <name>LatencyHistogramChart</name>
    <message>
        <location filename="../app/gui/charts/latencyhistogramchart.cpp" line="+15"/>
        <source>Latency histogram</source>
        <translation>Histograma de latencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency (ms, log scale)</source>
        <translation>Latencia (ms, escala log.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>LatencyScatterChart</name>
    <message>
        <location filename="../app/gui/charts/latencyscatterchart.cpp" line="+51"/>
        <source>Latency over time</source>
        <translation>Latencia a lo largo del tiempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time since start (s)</source>
        <translation>Tiempo desde el inicio (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency (ms, log scale)</source>
        <translation>Latencia (ms, escala log.)</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>LocustCluster</name>
    <message>
        <location filename="../app/cli/locustcluster.cpp" line="+51"/>
        <source>every Locust worker quit before the run ended</source>
        <translation>todos los trabajadores de Locust terminaron antes de que acabara la ejecución</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
</context>
<context>
    <name>LocustCommand</name>
    <message>
        <location filename="../app/cli/locustcommand.cpp" line="+40"/>
        <source>Writes the run a collection asks for (the same options as rafaga run) as one self-contained Locust file, to run on one machine or a Locust cluster.</source>
        <translation>Escribe la ejecución que pide una colección (con las mismas opciones que rafaga run) como un único archivo de Locust autónomo, para ejecutarlo en una máquina o en un clúster de Locust.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>locust.</source>
        <translation>locust.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write here (default: standard output).</source>
        <translation>Escribir en DESTINO (predeterminado: salida estándar).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUT</source>
        <translation>DESTINO</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected one collection FILE</source>
        <translation>se esperaba un único archivo de colección FILE</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Wrote %1 for Locust: %2.</source>
        <translation>%1 escrito para Locust: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the run</source>
        <translation>la ejecución</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It reads the secrets from these environment variables: %1</source>
        <translation>Lee los secretos de estas variables de entorno: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locust is not installed here; to run the file: apt-get install python3-locust (Debian 12, Ubuntu), or pip install locust.</source>
        <translation>Locust no está instalado aquí; para ejecutar el archivo: apt-get install python3-locust (Debian 12, Ubuntu), o pip install locust.</translation>
    </message>
</context>
<context>
    <name>LocustRun</name>
    <message>
        <location filename="../app/cli/locustrun.cpp" line="+64"/>
        <source>no result came back from Locust before the run ended</source>
        <translation>ningún resultado volvió de Locust antes de que acabara la ejecución</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The end of the Locust master&apos;s output:</source>
        <translation>El final de la salida del maestro de Locust:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 results back from Locust</source>
        <translation>%1 de %2 resultados de vuelta de Locust</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--locust-workers: Locust is not installed (no &apos;locust&apos; on PATH); install it with apt-get install python3-locust (Debian 12, Ubuntu), or pip install locust</source>
        <translation>--locust-workers: Locust no está instalado (no hay &apos;locust&apos; en el PATH); instálelo con apt-get install python3-locust (Debian 12, Ubuntu), o pip install locust</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot write the locustfile to &apos;%1&apos;: %2</source>
        <translation>no se puede escribir el locustfile en &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Stopping Locust; press Ctrl+C again to stop it at once.</source>
        <translation>Deteniendo Locust; pulse Ctrl+C otra vez para detenerlo de inmediato.</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>Running %1 on Locust: a master and %n worker(s) on this machine.</source>
        <translation>
            <numerusform>Ejecutando %1 en Locust: un maestro y %n trabajador en esta máquina.</numerusform>
            <numerusform>Ejecutando %1 en Locust: un maestro y %n trabajadores en esta máquina.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Locust ended with %1 of %2 results</source>
        <translation>Locust terminó con %1 de %2 resultados</translation>
    </message>
    <message>
        <location filename="../app/core/formats/locustrun.cpp" line="+92"/>
        <source>the run has requests that wait on captured values (a flow); the Locust file cannot carry captures yet: run it with rafaga run, or export the requests that capture nothing (--folder)</source>
        <translation>la ejecución tiene peticiones que esperan valores capturados (un flujo); el archivo de Locust aún no puede llevar capturas: ejecútela con rafaga run, o exporte las peticiones que no capturan nada (--folder)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+75"/>
        <source>Built-in server: %1</source>
        <translation>Servidor integrado: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in server not running: %1</source>
        <translation>No se pudo iniciar el servidor integrado: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Resent “%1”</source>
        <translation>Reenviada “%1”</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Edit run settings</source>
        <translation>Editar configuración de ejecución</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowmenus.cpp" line="+29"/>
        <source>&amp;New Collection</source>
        <translation>&amp;Nueva colección</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>Guardar c&amp;omo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+99"/>
        <source>&amp;Run</source>
        <translation>E&amp;jecutar</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Run the selected folder, or the whole collection (Ctrl+R)</source>
        <translation>Ejecutar la carpeta seleccionada o toda la colección (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/gui/mainwindowrun.cpp" line="+185"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Abort what is in flight and keep every finished result (Esc)</source>
        <translation>Interrumpir las peticiones en curso y conservar todos los resultados terminados (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;nd Request</source>
        <translation>En&amp;viar petición</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run This Folder</source>
        <translation>Ejecutar esta carpeta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Demo Collection</source>
        <translation>Abrir colección de &amp;demostración</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Res&amp;ults…</source>
        <translation>Abrir res&amp;ultados…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Collection as &amp;Postman…</source>
        <translation>Exportar colección en formato &amp;Postman…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Run as &amp;Locust File…</source>
        <translation>Exportar la ejecución como archivo de &amp;Locust…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAR…</source>
        <translation>HAR…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JMeter JTL…</source>
        <translation>JMeter JTL…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export C&amp;harts…</source>
        <translation>Exportar grá&amp;ficos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Stop sending new requests; what is in flight finishes (Ctrl+Shift+P)</source>
        <translation>Dejar de enviar peticiones nuevas; las que están en curso terminan (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Go to &amp;URL</source>
        <translation>Ir a la &amp;URL</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Import Collection (Replaces the Open One)…</source>
        <translation>&amp;Importar colección (sustituye a la abierta)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Request from &amp;curl Command…</source>
        <translation>Añadir petición desde un comando &amp;curl…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export Results (All, Unfiltered)</source>
        <translation>&amp;Exportar resultados (todos, sin filtrar)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection &amp;Settings…</source>
        <translation>Con&amp;figuración de la colección…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Results</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Charts</source>
        <translation>&amp;Gráficos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ompare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Rafaga</source>
        <translation>&amp;Acerca de Rafaga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Rafaga</source>
        <translation>Acerca de Rafaga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Rafaga %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for HTTP requests sent many at a time.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on %3) and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rafaga %1&lt;/h3&gt;&lt;p&gt;Una herramienta de escritorio para enviar muchas peticiones HTTP a la vez.&lt;/p&gt;&lt;p&gt;Distribuido bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2 (en ejecución con %3) y QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+98"/>
        <source>&lt;p&gt;Select a request to edit it, or add one with &lt;b&gt;Add Request&lt;/b&gt; (Ctrl+T).&lt;/p&gt;&lt;p&gt;Requests may use &lt;tt&gt;{{variables}}&lt;/tt&gt;; &lt;tt&gt;{{rafagaServer}}&lt;/tt&gt; is the built-in test server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Selecciona una petición para editarla o añade una con &lt;b&gt;Añadir petición&lt;/b&gt; (Ctrl+T).&lt;/p&gt;&lt;p&gt;Las peticiones pueden usar &lt;tt&gt;{{variables}}&lt;/tt&gt;; &lt;tt&gt;{{rafagaServer}}&lt;/tt&gt; es el servidor de pruebas integrado.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../app/gui/mainwindowrun.cpp" line="+21"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Quit During a Run</source>
        <translation>Salir durante una ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run is in progress. Stop it and quit? The results so far are not kept.</source>
        <translation>Hay una ejecución en curso. ¿Detenerla y salir? Los resultados obtenidos hasta ahora no se conservan.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Run&lt;/b&gt; (Ctrl+R) sends every request of the collection, or of the selected folder, many at a time; &lt;b&gt;Send&lt;/b&gt; (Ctrl+Enter) sends the one in the editor. The results are below, with &lt;b&gt;Charts&lt;/b&gt; and &lt;b&gt;Compare&lt;/b&gt; in their tabs. &lt;a href=&quot;dismiss&quot;&gt;Got it&lt;/a&gt;</source>
        <translation>&lt;b&gt;Ejecutar&lt;/b&gt; (Ctrl+R) envía todas las peticiones de la colección, o de la carpeta seleccionada, muchas a la vez; &lt;b&gt;Enviar&lt;/b&gt; (Ctrl+Enter) envía la del editor. Los resultados están debajo, con &lt;b&gt;Gráficos&lt;/b&gt; y &lt;b&gt;Comparar&lt;/b&gt; en sus pestañas. &lt;a href=&quot;dismiss&quot;&gt;Entendido&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Edit collection settings</source>
        <translation>Editar configuración de la colección</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Data Set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Choose a CSV or JSON file first (Data…).</source>
        <translation>Primero hay que elegir un archivo CSV o JSON (Datos…).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Row %1 of %2</source>
        <translation>Fila %1 de %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>data row %1 of %2 (%3)</source>
        <translation>fila de datos %1 de %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrun.cpp" line="-159"/>
        <source>Add a request to run.</source>
        <translation>Añade una petición para ejecutarla.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run will send %1, one at a time in order.</source>
        <translation>La ejecución enviará %1, una cada vez y en orden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run will send %1, %2 at a time.</source>
        <translation>La ejecución enviará %1, %2 a la vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run did not start: nothing was sent.

%1</source>
        <translation>La ejecución no se inició: no se envió nada.

%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Run the Other %n</source>
        <translation>
            <numerusform>Ejecutar la otra</numerusform>
            <numerusform>Ejecutar las otras %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running %1</source>
        <translation>Ejecutando %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request was not sent:

• %1</source>
        <translation>No se envió la petición:

• %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent “%1”</source>
        <translation>Enviada “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent “%1” with %2</source>
        <translation>Enviada “%1” con %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened %1, a run of %2 s: %3</source>
        <translation>Abierto %1, una ejecución de %2 s: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1 in %2 s: %3</source>
        <translation>Ejecución %1 en %2 s: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Results: %1</source>
        <translation>Resultados: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+32"/>
        <source>%1[*] — Rafaga</source>
        <translation>%1[*] — Rafaga</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrun.cpp" line="-21"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused: %1 of %2 requests ended; Resume (%3) goes on</source>
        <translation>En pausa: %1 de %2 peticiones terminadas; Reanudar (%3) continúa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running again</source>
        <translation>Ejecutando de nuevo</translation>
    </message>
</context>
<context>
    <name>PostmanImport</name>
    <message>
        <location filename="../app/core/formats/postmanimport.cpp" line="+381"/>
        <location line="+9"/>
        <source>expected a JSON object at the top</source>
        <translation>se esperaba un objeto JSON en el nivel superior</translation>
    </message>
    <message>
        <location line="-303"/>
        <source>this is a Postman collection in format v1, which is not supported; export it from Postman as Collection v2.1</source>
        <translation>esta es una colección de Postman en formato v1, que no se admite; expórtala desde Postman como Collection v2.1</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanbody.cpp" line="+90"/>
        <location line="+38"/>
        <location line="+14"/>
        <location line="+83"/>
        <location filename="../app/core/formats/postmanimport.cpp" line="+5"/>
        <location filename="../app/core/formats/postmanurl.cpp" line="+106"/>
        <source>expected an object</source>
        <translation>se esperaba un objeto</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanimport.cpp" line="-14"/>
        <source>the body of a %1 is not sent, as in Postman (protocolProfileBehavior.disableBodyPruning would send it)</source>
        <translation>el cuerpo de un %1 no se envía, como en Postman (protocolProfileBehavior.disableBodyPruning lo enviaría)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>collection</source>
        <translation>colección</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>expected an object (a request or a folder)</source>
        <translation>se esperaba un objeto (una petición o una carpeta)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>folder &quot;%1&quot;</source>
        <translation>carpeta &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected a &quot;request&quot; (for a request) or an &quot;item&quot; array (for a folder)</source>
        <translation>se esperaba &quot;request&quot; (para una petición) o un array &quot;item&quot; (para una carpeta)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request &quot;%1&quot;</source>
        <translation>petición &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>request variables not imported</source>
        <translation>no se importaron las variables de la petición</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n saved example response(s) not imported</source>
        <translation>
            <numerusform>no se importó %n respuesta de ejemplo guardada</numerusform>
            <numerusform>no se importaron %n respuestas de ejemplo guardadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../app/core/formats/postmanurl.cpp" line="-27"/>
        <source>expected a string or an object</source>
        <translation>se esperaba una cadena o un objeto</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>proxy settings not imported</source>
        <translation>no se importó la configuración del proxy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client certificate not imported</source>
        <translation>no se importó el certificado de cliente</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>collection: its test scripts set variables for later requests, so each data row&apos;s requests run one after another, as in Postman, and the rows concurrently (Order in the run panel, or --order, changes it)</source>
        <translation>colección: sus scripts de prueba fijan variables para peticiones posteriores, así que las peticiones de cada fila de datos van una tras otra, como en Postman, y las filas a la vez (Orden en el panel de ejecución, o --order, lo cambia)</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanurl.cpp" line="+7"/>
        <source>URL fragment &quot;%1&quot; not imported (it is never sent)</source>
        <translation>no se importó el fragmento de URL &quot;%1&quot; (nunca se envía)</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanimport.cpp" line="-140"/>
        <location filename="../app/core/formats/postmanurl.cpp" line="+106"/>
        <source>expected an object with &quot;key&quot; and &quot;value&quot;</source>
        <translation>se esperaba un objeto con &quot;key&quot; y &quot;value&quot;</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanbody.cpp" line="-125"/>
        <source>body is disabled in Postman; not imported</source>
        <translation>el cuerpo está desactivado en Postman; no se importó</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>binary body has no file chosen</source>
        <translation>el cuerpo binario no tiene ningún archivo elegido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>body of mode &quot;%1&quot; not imported</source>
        <translation>no se importó el cuerpo en modo &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected an object with &quot;key&quot; and &quot;value&quot; or &quot;src&quot;</source>
        <translation>se esperaba un objeto con &quot;key&quot; y &quot;value&quot; o &quot;src&quot;</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>form part &quot;%1&quot;: only the first of %n files imported</source>
        <translation>
            <numerusform>parte &quot;%1&quot; del formulario: solo se importó el primer archivo de %n</numerusform>
            <numerusform>parte &quot;%1&quot; del formulario: solo se importó el primero de los %n archivos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>form part &quot;%1&quot; has no file chosen</source>
        <translation>la parte &quot;%1&quot; del formulario no tiene ningún archivo elegido</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>GraphQL variables are not a JSON object; sent as text</source>
        <translation>las variables de GraphQL no son un objeto JSON; se envían como texto</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 auth not supported; imported as no auth</source>
        <translation>no se admite la autenticación %1; se importó sin autenticación</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanimport.cpp" line="+29"/>
        <source>expected a string or an object with &quot;content&quot;</source>
        <translation>se esperaba una cadena o un objeto con &quot;content&quot;</translation>
    </message>
    <message>
        <location filename="../app/core/formats/importer.cpp" line="+18"/>
        <location filename="../app/core/formats/postmanimport.cpp" line="+28"/>
        <source>test script line %1 not translated: %2</source>
        <translation>línea %1 del script de pruebas sin traducir: %2</translation>
    </message>
    <message>
        <location filename="../app/core/formats/postmanimport.cpp" line="+2"/>
        <source>pre-request script not imported</source>
        <translation>no se importó el script previo a la petición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test script not imported</source>
        <translation>no se importó el script de pruebas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; script not imported</source>
        <translation>no se importó el script &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>protocol profile behavior (%1) not imported</source>
        <translation>no se importó el comportamiento del perfil de protocolo (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this is a Postman collection, not an environment</source>
        <translation>esta es una colección de Postman, no un entorno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected an array of variables (a Postman environment)</source>
        <translation>se esperaba un array de variables (un entorno de Postman)</translation>
    </message>
</context>
<context>
    <name>QHttp</name>
    <message>
        <location filename="../app/core/http/fasthttpreply.cpp" line="-139"/>
        <source>Too many redirects</source>
        <translation>Demasiadas redirecciones</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+58"/>
        <source>Unknown protocol specified</source>
        <translation>Protocolo especificado desconocido</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Insecure redirect</source>
        <translation>Redirección insegura</translation>
    </message>
    <message>
        <location filename="../app/core/http/qterrors.cpp" line="+54"/>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SSL handshake failed</source>
        <translation>Falló la negociación SSL</translation>
    </message>
    <message>
        <location filename="../app/core/http/fasthttp2connection.cpp" line="-22"/>
        <location filename="../app/core/http/qterrors.cpp" line="-6"/>
        <source>Connection closed</source>
        <translation>Conexión cerrada</translation>
    </message>
    <message>
        <location filename="../app/core/http/qterrors.cpp" line="+3"/>
        <source>Host %1 not found</source>
        <translation>Equipo %1 no encontrado</translation>
    </message>
</context>
<context>
    <name>QNetworkReply</name>
    <message>
        <location line="-17"/>
        <source>Error transferring %1 - server replied: %2</source>
        <translation>Error transfiriendo %1- el servidor respondió: %2</translation>
    </message>
    <message>
        <location filename="../app/core/http/fasthttpreply.cpp" line="+144"/>
        <source>Operation canceled</source>
        <translation>Operación cancelada</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <location filename="../app/cli/reportcommand.cpp" line="+31"/>
        <source>Prints the summary of a run from its results (rafaga run --ndjson, or the results.ndjson of an exported locustfile), as rafaga run prints it.</source>
        <translation>Muestra el resumen de una ejecución a partir de sus resultados (rafaga run --ndjson, o el results.ndjson de un archivo de Locust exportado), como lo muestra rafaga run.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An NDJSON results file.</source>
        <translation>Un archivo de resultados NDJSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write one row per request, in input order.</source>
        <translation>Escribir una fila por petición, en el orden de entrada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the summary as JSON.</source>
        <translation>Escribir el resumen en JSON.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected one results FILE</source>
        <translation>se esperaba un único archivo de resultados FILE</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <location filename="../app/gui/editors/requesteditor.cpp" line="+65"/>
        <location line="+154"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Parameter</source>
        <translation>Parámetro</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>HTTP method; type any other, e.g. PURGE</source>
        <translation>Método HTTP; se puede escribir cualquier otro, p. ej., PURGE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://api.example.com/users/{{userId}}</source>
        <translation>https://api.example.com/users/{{userId}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send just this request (Ctrl+Enter)</source>
        <translation>Enviar solo esta petición (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data set row whose values Send uses</source>
        <translation>La fila del conjunto de datos cuyos valores usa Enviar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What this request is for; notes for your team</source>
        <translation>Para qué sirve esta petición; notas para tu equipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Params</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captures</source>
        <translation>Capturas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Edit method</source>
        <translation>Editar método</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit URL</source>
        <translation>Editar URL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit parameters</source>
        <translation>Editar parámetros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit headers</source>
        <translation>Editar cabeceras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit body</source>
        <translation>Editar cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit auth</source>
        <translation>Editar autenticación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit assertions</source>
        <translation>Editar aserciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit captures</source>
        <translation>Editar capturas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit description</source>
        <translation>Editar descripción</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
</context>
<context>
    <name>RequestLog</name>
    <message>
        <location filename="../app/core/server/requestlog.cpp" line="+18"/>
        <location line="+52"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>no se puede escribir &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>ResponseLimits</name>
    <message>
        <location filename="../app/core/http/responselimits.cpp" line="+15"/>
        <source>Response header too large: more than %1 header fields (the limit)</source>
        <translation>Cabecera de respuesta demasiado grande: más de %1 campos (el límite)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response header too large: more than %1 bytes of header fields (the limit)</source>
        <translation>Cabecera de respuesta demasiado grande: más de %1 bytes de campos (el límite)</translation>
    </message>
</context>
<context>
    <name>ResponseText</name>
    <message>
        <location filename="../app/gui/run/responsetext.cpp" line="+103"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>captured %1 = %2</source>
        <translation>capturado %1 = %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 not captured: the request did not succeed</source>
        <translation>%1 sin capturar: la petición no tuvo éxito</translation>
    </message>
</context>
<context>
    <name>ResponseViewer</name>
    <message>
        <location filename="../app/gui/run/responseviewer.cpp" line="+55"/>
        <source>Select a result to see its response</source>
        <translation>Selecciona un resultado para ver su respuesta</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Sin procesar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find Next</source>
        <translation>Buscar siguiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find Previous</source>
        <translation>Buscar anterior</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Find in body</source>
        <translation>Buscar en el cuerpo</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+331"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>The results file holds no response bodies: this one was %1 bytes.</source>
        <translation>El archivo de resultados no guarda cuerpos de respuesta: este tenía %1 bytes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the first %1 of %2 bytes: a run keeps only the start of each response body.</source>
        <translation>Se muestran los primeros %1 de %2 bytes: una ejecución guarda solo el principio del cuerpo de cada respuesta.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Waiting for the response…</source>
        <translation>Esperando la respuesta…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>retried %n time(s)</source>
        <translation>
            <numerusform>%n reintento</numerusform>
            <numerusform>%n reintentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n redirect(s)</source>
        <translation>
            <numerusform>%n redirección</numerusform>
            <numerusform>%n redirecciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n assertion(s) failed</source>
        <translation>
            <numerusform>%n aserción fallida</numerusform>
            <numerusform>%n aserciones fallidas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Redirected to %1</source>
        <translation>Redirigida a %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not sent</source>
        <translation>No enviada</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(not sent)</source>
        <translation>(no enviada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <location line="+46"/>
        <source>(no response)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>(the body was not kept)</source>
        <translation>(no se guardó el cuerpo)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>(empty body)</source>
        <translation>(cuerpo vacío)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+79"/>
        <source>(not in the results file)</source>
        <translation>(no está en el archivo de resultados)</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>… %1 more bytes</source>
        <translation>… %1 bytes más</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Response headers (%1)</source>
        <translation>Cabeceras de la respuesta (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not kept by this run)</source>
        <translation>(esta ejecución no las guardó)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request headers (%1)</source>
        <translation>Cabeceras de la petición (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none set; Qt adds its defaults)</source>
        <translation>(ninguna definida; Qt añade las predeterminadas)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
</context>
<context>
    <name>ResultWriters</name>
    <message>
        <location filename="../app/core/formats/jtlexport.cpp" line="+152"/>
        <location filename="../app/core/formats/resultwriters.cpp" line="+503"/>
        <location line="+73"/>
        <source>cannot write the output: %1</source>
        <translation>no se puede escribir la salida: %1</translation>
    </message>
    <message>
        <location filename="../app/core/formats/resultwriters.cpp" line="-2"/>
        <source>the output is not open for writing</source>
        <translation>la salida no está abierta para escritura</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../app/gui/run/resultsmodel.cpp" line="+188"/>
        <source>#%1 &quot;%2&quot;</source>
        <translation>#%1 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{{%1}} from %2</source>
        <translation>{{%1}} de %2</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting for %1</source>
        <translation>esperando %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped</source>
        <translation>omitida</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1
Redirected to %2</source>
        <translation>%1
Redirigida a %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not finished yet: in flight or waiting to retry</source>
        <translation>Aún sin terminar: en curso o a la espera de reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent yet: waits for %1</source>
        <translation>Aún no enviada: espera %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Not sent: %1</source>
        <translation>No enviada: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-7"/>
        <source>%1, retried %n time(s)</source>
        <translation>
            <numerusform>%1, reintentada %n vez</numerusform>
            <numerusform>%1, reintentada %n veces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 byte(s) received</source>
        <translation>
            <numerusform>%1 byte recibido</numerusform>
            <numerusform>%1 bytes recibidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>assertion %1</source>
        <translation>aserción %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ %1 (got %2)</source>
        <translation>✗ %1 (se obtuvo %2)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Data set column &quot;%1&quot;</source>
        <translation>Columna “%1” del conjunto de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data: %1</source>
        <translation>datos: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position in the run, from 0 as in exports</source>
        <translation>Posición en la ejecución, desde 0 como en las exportaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From dispatch to the last byte, retries included</source>
        <translation>Desde el envío hasta el último byte, reintentos incluidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to first byte of the answer</source>
        <translation>Tiempo hasta el primer byte de la respuesta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TTFB (ms)</source>
        <translation>TTFB (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response body size</source>
        <translation>Tamaño del cuerpo de la respuesta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../app/gui/run/resultspane.cpp" line="+111"/>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show or hide results: %1</source>
        <translation>Mostrar u ocultar resultados: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failures only</source>
        <translation>Solo fallos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport errors, statuses of 400 and above, failed assertions</source>
        <translation>Errores de transporte, estados 400 o superiores, aserciones fallidas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not sent</source>
        <translation>No enviadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests a stop kept from being sent: not failures, shown apart</source>
        <translation>Peticiones que una detención dejó sin enviar: no son fallos, se muestran aparte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by URL, name, data or error</source>
        <translation>Filtrar por URL, nombre, datos o error</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n result(s) shown</source>
        <translation>
            <numerusform>%1 de %n resultado mostrado</numerusform>
            <numerusform>%1 de %n resultados mostrados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy URL</source>
        <translation>Copiar URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation>Copiar como curl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resend</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A results file holds the request&apos;s method and URL, not its headers and body: send it from the collection instead.</source>
        <translation>Un archivo de resultados guarda el método y la URL de la solicitud, no sus cabeceras ni su cuerpo: envíela desde la colección.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show Response</source>
        <translation>Mostrar respuesta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Response Body…</source>
        <translation>Guardar el cuerpo de la respuesta…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Save Response Body</source>
        <translation>Guardar el cuerpo de la respuesta</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved the first %1 of %2 bytes: a run keeps only the start of each response body. Send the request alone to keep more of it.</source>
        <translation>Se guardaron los primeros %1 de %2 bytes: una ejecución conserva solo el principio de cada cuerpo de respuesta. Envíe la petición sola para conservar más.</translation>
    </message>
</context>
<context>
    <name>ResultsReader</name>
    <message>
        <location filename="../app/core/formats/resultsreader.cpp" line="+135"/>
        <source>expected one JSON object per line</source>
        <translation>se esperaba un objeto JSON por línea</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;index&quot; must be a whole number from 0</source>
        <translation>&quot;index&quot; debe ser un número entero desde 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request %1 cannot be in a file of %2 lines</source>
        <translation>la petición %1 no puede estar en un archivo de %2 líneas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request %1 appears a second time</source>
        <translation>la petición %1 aparece por segunda vez</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no result for request %1 of %2</source>
        <translation>no hay resultado para la petición %1 de %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no results in the file</source>
        <translation>no hay resultados en el archivo</translation>
    </message>
</context>
<context>
    <name>RowsTable</name>
    <message>
        <location filename="../app/gui/editors/rowstable.cpp" line="+32"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected rows (Delete)</source>
        <translation>Quitar las filas seleccionadas (Supr)</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <location filename="../app/core/engine/replyoutcome.cpp" line="+34"/>
        <location filename="../app/core/engine/run.cpp" line="+164"/>
        <source>the run was stopped before this request finished</source>
        <translation>la ejecución se detuvo antes de que terminara esta petición</translation>
    </message>
    <message>
        <location filename="../app/core/engine/run.cpp" line="+11"/>
        <source>the run was stopped before this request was sent</source>
        <translation>la ejecución se detuvo antes de enviar esta petición</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>no complete answer within %1 ms</source>
        <translation>no se recibió una respuesta completa en %1 ms</translation>
    </message>
    <message>
        <location filename="../app/core/engine/tlsconfiguration.cpp" line="+48"/>
        <source>cannot read the %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a client key needs its certificate (--cert)</source>
        <translation>una clave de cliente necesita su certificado (--cert)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client certificate</source>
        <translation>el certificado de cliente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a PEM client certificate</source>
        <translation>no es un certificado de cliente PEM</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client key</source>
        <translation>la clave de cliente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no unencrypted PEM private key (RSA, EC or DSA) for the client certificate</source>
        <translation>no hay una clave privada PEM sin cifrar (RSA, EC o DSA) para el certificado de cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the private key does not belong to the client certificate %1</source>
        <translation>la clave privada no pertenece al certificado de cliente %1</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <location filename="../app/cli/runcommandline.cpp" line="+33"/>
        <source>%1: &apos;%2&apos; is not a whole number from %3 to %4</source>
        <translation>%1: &apos;%2&apos; no es un número entero entre %3 y %4</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--url: &apos;%1&apos; is not an http:// or https:// URL</source>
        <translation>--url: &apos;%1&apos; no es una URL http:// o https://</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>-H: &apos;%1&apos; is not a header; expected &apos;Name: value&apos;</source>
        <translation>-H: &apos;%1&apos; no es una cabecera; se esperaba &apos;Nombre: valor&apos;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>-d: cannot read &apos;%1&apos;: %2</source>
        <translation>-d: no se puede leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>-X: &apos;%1&apos; is not an HTTP method</source>
        <translation>-X: &apos;%1&apos; no es un método HTTP</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>--rate: &apos;%1&apos; is not a rate in requests per second</source>
        <translation>--rate: &apos;%1&apos; no es una tasa en peticiones por segundo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--data: no such file &apos;%1&apos;</source>
        <translation>--data: no existe el archivo &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--http1 and --http2 contradict each other</source>
        <translation>--http1 y --http2 se contradicen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--proxy: &apos;%1&apos; is not a proxy URL (e.g. http://proxy:3128)</source>
        <translation>--proxy: &apos;%1&apos; no es una URL de proxy (p. ej., http://proxy:3128)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--%1: no such file &apos;%2&apos;</source>
        <translation>--%1: no existe el archivo &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/resultstreamer.cpp" line="+120"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>no se puede escribir &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommandline.cpp" line="+49"/>
        <source>%1: expected a Rafaga or Postman collection, found a %2 (try rafaga import)</source>
        <translation>%1: se esperaba una colección de Rafaga o de Postman, pero es un %2 (prueba con rafaga import)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>--var: &apos;%1&apos; is not NAME=VALUE</source>
        <translation>--var: &apos;%1&apos; no tiene la forma NOMBRE=VALOR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--env and --env-file contradict each other</source>
        <translation>--env y --env-file se contradicen</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+68"/>
        <source>skipping %1 of %2 requests, which cannot be built:
%3</source>
        <translation>se omiten %1 de %2 peticiones, que no se pueden construir:
%3</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>--locust-workers: &apos;%1&apos; is not a whole number from 1 to 64</source>
        <translation>--locust-workers: &apos;%1&apos; no es un número entero de 1 a 64</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--locust-workers needs a collection FILE</source>
        <translation>--locust-workers necesita un ARCHIVO de colección</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--%1 cannot be used with --locust-workers</source>
        <translation>--%1 no se puede usar con --locust-workers</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>not carried over: %1 (%n time(s))</source>
        <translation>
            <numerusform>no se traslada: %1 (%n vez)</numerusform>
            <numerusform>no se traslada: %1 (%n veces)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sends a request N times, or every request of a collection, C at a time, and reports what came back.</source>
        <translation>Envía una petición N veces, o todas las peticiones de una colección, C a la vez, e informa de lo que se recibió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With a collection: run it on Locust, a master and N worker processes on this machine (Debian: python3-locust), instead of in this process.</source>
        <translation>Con una colección: ejecutarla en Locust, un maestro y N procesos trabajadores en esta máquina (Debian: python3-locust), en lugar de en este proceso.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--strict-import: %1 has what Rafaga does not carry over (above)</source>
        <translation>--strict-import: %1 tiene lo que Rafaga no traslada (arriba)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>note: %1</source>
        <translation>nota: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommandline.cpp" line="+119"/>
        <source>A Rafaga or Postman collection to run (instead of --url).</source>
        <translation>Colección de Rafaga o de Postman que se ejecutará (en lugar de --url).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The URL to request (instead of a collection FILE).</source>
        <translation>URL a la que enviar las peticiones (en lugar de un archivo de colección FILE).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>With --url: the HTTP method (default GET, or POST with -d).</source>
        <translation>Con --url: el método HTTP (predeterminado: GET, o POST con -d).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>METHOD</source>
        <translation>MÉTODO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --url: a request header; repeatable.</source>
        <translation>Con --url: una cabecera de la petición; se puede repetir.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&apos;Name: value&apos;</source>
        <translation>&apos;Nombre: valor&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --url: the request body, @FILE reads it from a file. With a collection: the data set (CSV or JSON), one run of the requests per row.</source>
        <translation>Con --url: el cuerpo de la petición; @ARCHIVO lo lee de un archivo. Con una colección: el conjunto de datos (CSV o JSON), una ejecución de las peticiones por fila.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BODY|FILE</source>
        <translation>CUERPO|ARCHIVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --url: how many requests to send (default 1).</source>
        <translation>Con --url: cuántas peticiones enviar (predeterminado: 1).</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="-25"/>
        <location filename="../app/cli/runcommandline.cpp" line="+0"/>
        <location line="+14"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommandline.cpp" line="-12"/>
        <source>How many may be in flight at once, 1 to 1000 (default 10, or the collection&apos;s).</source>
        <translation>Cuántas peticiones puede haber en curso a la vez, de 1 a 1000 (predeterminado: 10, o el de la colección).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start requests at this many per second (open model).</source>
        <translation>Iniciar esta cantidad de peticiones por segundo (modelo abierto).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline of one attempt in ms, 0 for none (default 30000).</source>
        <translation>Plazo de cada intento en ms, 0 para no tener plazo (predeterminado: 30000).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retries after a connection failure, timeout, 429 or 5xx-unavailable (default 0).</source>
        <translation>Reintentos tras un fallo de conexión, un tiempo de espera agotado, un 429 o un 5xx de servicio no disponible (predeterminado: 0).</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+55"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirects to follow, 0 to follow none (default 10).</source>
        <translation>Cuántas redirecciones seguir, 0 para no seguir ninguna (predeterminado: 10).</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>With a collection: use its environment NAME.</source>
        <translation>Con una colección: usar su entorno NOMBRE.</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>--order: &apos;%1&apos; is not one of captures, rows, one-at-a-time</source>
        <translation>--order: «%1» no es uno de captures, rows, one-at-a-time</translation>
    </message>
    <message>
        <location line="+186"/>
        <location line="+12"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>With a collection: use the environment in FILE (a Postman environment export).</source>
        <translation>Con una colección: usar el entorno de ARCHIVO (un entorno exportado de Postman).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+78"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>With a collection: set a variable; repeatable; wins over environments.</source>
        <translation>Con una colección: definir una variable; se puede repetir; prevalece sobre los entornos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME=VALUE</source>
        <translation>NOMBRE=VALOR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a collection: repeat the whole list K times.</source>
        <translation>Con una colección: repetir la lista completa K veces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With a collection: run only the requests in this folder; repeatable.</source>
        <translation>Con una colección: ejecutar solo las peticiones de esta carpeta; se puede repetir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With a Postman collection: exit with 2, sending nothing, when it has what Rafaga does not carry over (scripts, unsupported auth, protocol profile behavior).</source>
        <translation>Con una colección de Postman: salir con 2, sin enviar nada, si tiene lo que Rafaga no traslada (scripts, autenticación no admitida, protocolProfileBehavior).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With a collection: run the requests that can be built; each one that cannot (an unresolved variable, a missing file) is recorded as skipped with the reason, and the problems are listed on standard error.</source>
        <translation>Con una colección: ejecuta las peticiones que se pueden construir; cada una que no (una variable sin resolver, un archivo que falta) se registra como omitida con el motivo, y los problemas se listan en la salida de error.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send one request at a time, in order, as newman does: for flows that depend on side effects rather than captured values.</source>
        <translation>Envía una petición cada vez, en orden, como hace newman: para flujos que dependen de efectos secundarios y no de valores capturados.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How requests wait for each other: captures (only for the values they use), rows (each data row&apos;s requests one after another, the rows concurrently) or one-at-a-time (as --sequential).</source>
        <translation>Cómo se esperan las peticiones entre sí: captures (solo por los valores que usan), rows (las peticiones de cada fila de datos una tras otra, las filas a la vez) o one-at-a-time (como --sequential).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ORDER</source>
        <translation>ORDEN</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Use HTTP/2: by ALPN on https, prior knowledge (h2c) on http.</source>
        <translation>Usar HTTP/2: mediante ALPN en https y con conocimiento previo (h2c) en http.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never use HTTP/2.</source>
        <translation>No usar nunca HTTP/2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send http:// and https:// requests (HTTP/1.1, h2c with --http2, h2 by ALPN) through Qt&apos;s own HTTP stack instead of Rafaga&apos;s faster path (to compare, or as a fallback); RAFAGA_QT_HTTP=1 does the same.</source>
        <translation>Envía las peticiones http:// y https:// (HTTP/1.1, h2c con --http2, h2 por ALPN) por la pila HTTP de Qt en lugar de la vía rápida de Rafaga (para comparar, o como alternativa); RAFAGA_QT_HTTP=1 hace lo mismo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not verify the server&apos;s TLS certificate: an untrusted, expired or self-signed one, or one for another name, is not an error.</source>
        <translation>No verificar el certificado TLS del servidor: uno no fiable, caducado o autofirmado, o uno para otro nombre, no es un error.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send through this proxy instead of the system&apos;s.</source>
        <translation>Enviar a través de este proxy en lugar del proxy del sistema.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client certificate (PEM).</source>
        <translation>Certificado de cliente (PEM).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key of the client certificate (PEM).</source>
        <translation>Clave privada del certificado de cliente (PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write one row per request, in input order.</source>
        <translation>Escribir una fila por petición, en el orden de entrada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the summary as JSON.</source>
        <translation>Escribir el resumen en JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write one JSON line per result, in input order; - for stdout.</source>
        <translation>Escribir una línea JSON por resultado, en el orden de entrada; - para la salida estándar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress and no summary.</source>
        <translation>Sin progreso ni resumen.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argumento inesperado &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give a collection FILE or --url, not both</source>
        <translation>hay que indicar un archivo de colección FILE o --url, no ambos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--url or a collection FILE is required (e.g. rafaga run --url http://127.0.0.1:8080/get)</source>
        <translation>falta --url o un archivo de colección FILE (p. ej., rafaga run --url http://127.0.0.1:8080/get)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--%1 needs a collection FILE</source>
        <translation>--%1 requiere un archivo de colección FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-%1 goes with --url, not a collection</source>
        <translation>-%1 se usa con --url, no con una colección</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="-123"/>
        <source>Stopping; press Ctrl+C again to quit at once.</source>
        <translation>Deteniendo; pulsa Ctrl+C otra vez para salir de inmediato.</translation>
    </message>
</context>
<context>
    <name>RunFileFlows</name>
    <message>
        <location filename="../app/gui/runfileflows.cpp" line="+45"/>
        <location line="+64"/>
        <source>Open Results</source>
        <translation>Abrir resultados</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Rafaga results (*.ndjson *.jsonl);;All files (*)</source>
        <translation>Resultados de Rafaga (*.ndjson *.jsonl);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A run is in progress: stop it first.</source>
        <translation>Hay una ejecución en curso: deténgala primero.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Still reading the last results file.</source>
        <translation>Todavía se está leyendo el último archivo de resultados.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” was not opened.

%2</source>
        <translation>No se abrió «%1».

%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+2"/>
        <source>Export Run as Locust File</source>
        <translation>Exportar la ejecución como archivo de Locust</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Python files (*.py)</source>
        <translation>Archivos de Python (*.py)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The locustfile was not written.

%1</source>
        <translation>No se escribió el archivo de Locust.

%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write “%1”: %2</source>
        <translation>No se puede escribir “%1”: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote %1 for Locust: %2.</source>
        <translation>%1 escrito para Locust: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run it here with “locust -f %1 --headless”, or on a Locust cluster with the commands at its top. It writes results.ndjson, which File › Open Results… shows here.</source>
        <translation>Ejecútelo aquí con “locust -f %1 --headless”, o en un clúster de Locust con las órdenes de su cabecera. Escribe results.ndjson, que Archivo › Abrir resultados… muestra aquí.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It reads the secrets from these environment variables: %1.</source>
        <translation>Lee los secretos de estas variables de entorno: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some requests go to this window&apos;s built-in server (%1), which answers only while Rafaga is open.</source>
        <translation>Algunas solicitudes van al servidor integrado de esta ventana (%1), que solo responde mientras Rafaga está abierto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locust is not installed here. On Debian 12 or Ubuntu, install the package python3-locust (sudo apt-get install python3-locust); elsewhere, pip install locust.</source>
        <translation>Locust no está instalado aquí. En Debian 12 o Ubuntu, instale el paquete python3-locust (sudo apt-get install python3-locust); en otros sistemas, pip install locust.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote %1</source>
        <translation>Se escribió %1</translation>
    </message>
</context>
<context>
    <name>RunOutcome</name>
    <message>
        <location filename="../app/core/stats/runoutcome.cpp" line="+33"/>
        <source>%1 succeeded</source>
        <translation>%1 correctas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed</source>
        <translation>%1 fallidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cancelled in flight</source>
        <translation>%1 canceladas en curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 not sent</source>
        <translation>%1 sin enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 skipped</source>
        <translation>%1 omitidas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped at %1 of %2: %3</source>
        <translation>detenida en %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../app/gui/run/runpanel.cpp" line="+33"/>
        <source>How many requests may be in flight at once</source>
        <translation>Cuántas peticiones puede haber en curso a la vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As captures need</source>
        <translation>Según las capturas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A request waits only for the earlier requests whose captured values it uses</source>
        <translation>Una petición solo espera a las peticiones anteriores cuyos valores capturados usa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each row in order</source>
        <translation>Cada fila en orden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each data row&apos;s requests one after another, as one user would send them; the rows run at once, up to Concurrency: for flows that rely on side effects (register, then log in)</source>
        <translation>Las peticiones de cada fila de datos una tras otra, como las enviaría un usuario; las filas van a la vez, hasta la concurrencia: para flujos que dependen de efectos secundarios (registrarse y luego iniciar sesión)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One at a time</source>
        <translation>Una cada vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One request at a time in the list&apos;s order, as Postman&apos;s runner and newman send them</source>
        <translation>Una petición cada vez, en el orden de la lista, como las envían el ejecutor de Postman y newman</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How requests wait for each other</source>
        <translation>Cómo se esperan las peticiones entre sí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as fast as possible</source>
        <translation>lo más rápido posible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start this many requests per second; latency then counts from each request&apos;s scheduled time</source>
        <translation>Peticiones que se inician por segundo; la latencia se mide entonces desde el momento previsto de cada petición</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat the whole list this many times</source>
        <translation>Cuántas veces se repite la lista completa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total deadline of one attempt</source>
        <translation>Plazo total de cada intento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retries after connection failures, timeouts, 429 and 502–504, with backoff, honouring Retry-After</source>
        <translation>Reintentos tras fallos de conexión, tiempos de espera agotados, 429 y 502–504, con esperas crecientes entre intentos y respetando Retry-After</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no data set: each request runs once</source>
        <translation>sin conjunto de datos: cada petición se ejecuta una vez</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data…</source>
        <translation>Datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every request once per row of a CSV or JSON file</source>
        <translation>Ejecutar cada petición una vez por cada fila de un archivo CSV o JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concurrency:</source>
        <translation>Concurrencia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order:</source>
        <translation>Orden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate limit:</source>
        <translation>Tasa máxima:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations:</source>
        <translation>Iteraciones:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout:</source>
        <translation>Tiempo límite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retries:</source>
        <translation>Reintentos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment:</source>
        <translation>Entorno:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data set:</source>
        <translation>Conjunto de datos:</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data sets (*.csv *.json);;All files (*)</source>
        <translation>Conjuntos de datos (*.csv *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Manage…</source>
        <translation>Gestionar…</translation>
    </message>
</context>
<context>
    <name>RunPlan</name>
    <message>
        <location filename="../app/core/collection/runplan.cpp" line="+28"/>
        <source>1 request</source>
        <translation>1 petición</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 requests</source>
        <translation>%1 peticiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 row</source>
        <translation>1 fila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 rows</source>
        <translation>%1 filas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 iterations</source>
        <translation>%1 iteraciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 waits on a capture</source>
        <translation>1 espera una captura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 wait on a capture</source>
        <translation>%1 esperan una captura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each row&apos;s requests in order</source>
        <translation>las peticiones de cada fila en orden</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <location filename="../app/core/collection/secretstore.cpp" line="+44"/>
        <source>cannot write the settings file %1</source>
        <translation>no se puede escribir el archivo de configuración %1</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <location filename="../app/cli/servecommand.cpp" line="+28"/>
        <source>Serves the built-in test routes (/get, /echo, /status/{code}, /delay/{ms}, /bytes/{n}, /redirect/{n}, /drop, /flaky/{k}/{code}, /login, /items, /items/{id}, /stats) until interrupted.</source>
        <translation>Sirve las rutas de prueba integradas (/get, /echo, /status/{code}, /delay/{ms}, /bytes/{n}, /redirect/{n}, /drop, /flaky/{k}/{code}, /login, /items, /items/{id}, /stats) hasta que se interrumpa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Port to listen on; 0 picks a free one.</source>
        <translation>Puerto en el que escuchar; 0 elige uno libre.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to listen on.</source>
        <translation>Dirección en la que escuchar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDR</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve HTTPS with a self-signed certificate.</source>
        <translation>Servir HTTPS con un certificado autofirmado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write one line per request to FILE as it arrives: its number, the requests in flight then, the method and the target, tab-separated.</source>
        <translation>Escribir en ARCHIVO una línea por petición a su llegada: su número, las peticiones en curso en ese momento, el método y el destino, separados por tabuladores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--port needs a number from 0 to 65535, not &quot;%1&quot;</source>
        <translation>--port requiere un número entre 0 y 65535, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--bind needs an IP address, not &quot;%1&quot;</source>
        <translation>--bind requiere una dirección IP, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>rafaga serve: cannot listen on %1 port %2: %3</source>
        <translation>rafaga serve: no se puede escuchar en %1, puerto %2: %3</translation>
    </message>
</context>
<context>
    <name>ServerCertificate</name>
    <message>
        <location filename="../app/core/server/servercertificate.cpp" line="+84"/>
        <source>EC key generation failed</source>
        <translation>no se pudo generar la clave EC</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>certificate allocation failed</source>
        <translation>no se pudo crear el certificado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>serial number failed</source>
        <translation>no se pudo asignar el número de serie</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>certificate extensions failed</source>
        <translation>no se pudieron añadir las extensiones del certificado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>certificate signing failed</source>
        <translation>no se pudo firmar el certificado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Qt could not read the generated certificate or key</source>
        <translation>Qt no pudo leer el certificado o la clave generados</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <location filename="../app/core/formats/shellwords.cpp" line="+78"/>
        <source>NUL characters in the command line were dropped</source>
        <translation>se descartaron los caracteres NUL de la línea de comandos</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>word %1, character %2</source>
        <translation>palabra %1, carácter %2</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>character %1: ~ is not expanded to a home folder</source>
        <translation>carácter %1: ~ no se expande a una carpeta personal</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unterminated single quote: expected a closing &apos;</source>
        <translation>comilla simple sin cerrar: se esperaba una &apos; de cierre</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>unterminated double quote: expected a closing &quot;</source>
        <translation>comilla doble sin cerrar: se esperaba una &quot; de cierre</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>character %1: a shell ends an argument at \0; the rest of the $&apos;...&apos; string is dropped as it would be</source>
        <translation>carácter %1: un shell termina el argumento en \0; el resto de la cadena $&apos;...&apos; se descarta, como haría un shell</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>unterminated $&apos;...&apos; string: expected a closing &apos;</source>
        <translation>cadena $&apos;...&apos; sin cerrar: se esperaba una &apos; de cierre</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>unterminated `...` command: expected a closing `</source>
        <translation>comando `...` sin cerrar: se esperaba una ` de cierre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>command substitution</source>
        <translation>la sustitución de comandos</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>unterminated $(...): expected a closing )</source>
        <translation>$(...) sin cerrar: se esperaba un ) de cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unterminated ${...}: expected a closing }</source>
        <translation>${...} sin cerrar: se esperaba una } de cierre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+3"/>
        <source>variable</source>
        <translation>la variable</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>character %1: %2 %3 is not expanded; it is kept as written</source>
        <translation>carácter %1: %2 %3 no se expande; se conserva tal cual</translation>
    </message>
</context>
<context>
    <name>StatusCodeChart</name>
    <message>
        <location filename="../app/gui/charts/statuscodechart.cpp" line="+7"/>
        <source>Status codes</source>
        <translation>Códigos de estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
</context>
<context>
    <name>StatusColors</name>
    <message>
        <location filename="../app/gui/run/statuscolors.cpp" line="+60"/>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3xx</source>
        <translation>3xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message>
        <location filename="../app/cli/summaryprinter.cpp" line="+30"/>
        <source>  %1 min %2  mean %3  p50 %4  p90 %5  p95 %6  p99 %7  p99.9 %8  max %9
</source>
        <translation>  %1 mín %2  media %3  p50 %4  p90 %5  p95 %6  p99 %7  p99.9 %8  máx %9
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Summary:
</source>
        <translation>Resumen:
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Requests:      %1 (%2)
</source>
        <translation>  Peticiones:    %1 (%2)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Elapsed:       %1 s
</source>
        <translation>  Duración:      %1 s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Rate:          %1 req/s
</source>
        <translation>  Tasa:          %1 req/s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Concurrency:   %1 (at most %2 in flight)
</source>
        <translation>  Concurrencia:  %1 (como máximo %2 en curso)
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Target rate:   %1 req/s
</source>
        <translation>  Tasa objetivo: %1 req/s
</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>  Assertions:    %1 checked, %2 failed (in %3 request(s))
</source>
        <translation>
            <numerusform>  Aserciones:    comprobadas: %1, fallidas: %2 (en %3 petición)
</numerusform>
            <numerusform>  Aserciones:    comprobadas: %1, fallidas: %2 (en %3 peticiones)
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  Retries:       %1
</source>
        <translation>  Reintentos:    %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Data:          %1 received, %2 sent
</source>
        <translation>  Datos:         %1 recibidos, %2 enviados
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency (ms):
</source>
        <translation>Latencia (ms):
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from schedule</source>
        <translation>desde el plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first byte</source>
        <translation>primer byte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status codes:
</source>
        <translation>Códigos de estado:
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Errors:
</source>
        <translation>Errores:
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> %1% %2/%3  %4 req/s  %5 failed</source>
        <translation> %1% %2/%3  %4 req/s  fallidas: %5</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <location filename="../app/gui/run/summarystrip.cpp" line="+42"/>
        <location line="+53"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Requests finished / requests in the run</source>
        <translation>Peticiones terminadas / peticiones de la ejecución</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+53"/>
        <source>%1 req/s</source>
        <translation>%1 req/s</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Requests finished per second since the start</source>
        <translation>Peticiones terminadas por segundo desde el inicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50 %1 · p95 %1 · p99 %1</source>
        <translation>p50 %1 · p95 %1 · p99 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency percentiles: half, 95% and 99% of the requests took at most this long</source>
        <translation>Percentiles de latencia: la mitad, el 95 % y el 99 % de las peticiones tardaron como máximo este tiempo</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+59"/>
        <source>%Ln errors</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errores</numerusform>
        </translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Skipped: never sent, as a capture they need failed (or they could not be built). Waiting: held back until an earlier request of their row has ended.</source>
        <translation>Omitidas: nunca enviadas, porque falló una captura que necesitan (o no se pudieron construir). En espera: retenidas hasta que termine una petición anterior de su fila.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time since the run started</source>
        <translation>Tiempo desde el inicio de la ejecución</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Requests finished / requests in the run; %Ln not sent (stopped)</source>
        <translation>
            <numerusform>Peticiones terminadas / peticiones de la ejecución; %Ln no enviada (ejecución detenida)</numerusform>
            <numerusform>Peticiones terminadas / peticiones de la ejecución; %Ln no enviadas (ejecución detenida)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>p50 %1 · p95 %2 · p99 %3</source>
        <translation>p50 %1 · p95 %2 · p99 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>p50 – · p95 – · p99 –</source>
        <translation>p50 – · p95 – · p99 –</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No errors</source>
        <translation>Sin errores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed requests (status 400 and up, or no answer)</source>
        <translation>Peticiones fallidas (estado 400 o superior, o sin respuesta)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 skipped</source>
        <translation>%1 omitidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 waiting</source>
        <translation>%1 en espera</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1:%2:%3</source>
        <translation>%1:%2:%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:%2%3%4</source>
        <translation>%1:%2%3%4</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <location filename="../app/gui/charts/throughputchart.cpp" line="+10"/>
        <source>Throughput</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time since start (s)</source>
        <translation>Tiempo desde el inicio (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per second</source>
        <translation>Peticiones por segundo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In flight</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Succeeded</source>
        <translation>Correctas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In flight (max)</source>
        <translation>En curso (máx.)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>partial: %1 s</source>
        <translation>parcial: %1 s</translation>
    </message>
</context>
<context>
    <name>TimingWaterfall</name>
    <message>
        <location filename="../app/gui/run/timingwaterfall.cpp" line="+17"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Envío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting (TTFB)</source>
        <translation>Espera (TTFB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download</source>
        <translation>Descarga</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not finished yet</source>
        <translation>aún sin terminar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>no enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reused connection</source>
        <translation>conexión reutilizada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no TLS</source>
        <translation>sin TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>included in connect</source>
        <translation>incluido en la conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>did not complete</source>
        <translation>no se completó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no response</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1: %2, from +%3 to +%4</source>
        <translation>%1: %2, de +%3 a +%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before it, %1 waiting in Qt&apos;s network thread (the thin line).</source>
        <translation>Antes, %1 de espera en el hilo de red de Qt (la línea fina).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Qt reports the TCP connect and the TLS handshake together: this span includes the connect.</source>
        <translation>Qt mide juntas la conexión TCP y la negociación TLS: este tramo incluye la conexión.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Waiting for the response…</source>
        <translation>Esperando la respuesta…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No timing to show</source>
        <translation>No hay tiempos que mostrar</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source> · retried %n time(s): the phases are the last attempt&apos;s</source>
        <translation>
            <numerusform> · reintentada %n vez: las fases son las del último intento</numerusform>
            <numerusform> · reintentada %n veces: las fases son las del último intento</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariableLineEdit</name>
    <message>
        <location filename="../app/gui/editors/variablelineedit.cpp" line="+74"/>
        <source>%1 — built-in, set per request</source>
        <translation>%1 — integrada, con un valor propio en cada petición</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — not defined</source>
        <translation>%1 — no definida</translation>
    </message>
</context>
</TS>
