#include "core/http/fasthttpreply.h"

#include "core/http/fasthttp2connection.h"
#include "core/http/fasthttpconnection.h"
#include "core/http/fasthttpmanager.h"

#include <QAbstractSocket>
#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cstring>
#include <utility>
#include <zlib.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FastHttpReply)
};

// What Qt 6.4 (Debian's build) adds when the request does not say otherwise, captured from its
// own stack, so that a server sees the same request whichever path carries it.
const QByteArray QtAcceptEncoding = "zstd, br, gzip, deflate";
const QByteArray QtAcceptLanguage = [] {
    const QString locale = QLocale::system().name().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (locale == QLatin1String("C"))
        return QByteArray("en,*");
    if (locale.startsWith(QLatin1String("en-")))
        return (locale + QLatin1String(",*")).toLatin1();
    return (locale + QLatin1String(",en,*")).toLatin1();
}();

bool isIdempotent(const QByteArray &verb)
{
    return verb == "GET" || verb == "HEAD" || verb == "PUT" || verb == "DELETE"
        || verb == "OPTIONS";
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 305 || status == 307
        || status == 308;
}

// The error Qt's HTTP stack reports for an answer with status >= 400.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status > 500 ? QNetworkReply::UnknownServerError
                            : QNetworkReply::UnknownContentError;
    }
}

bool requestHas(const QNetworkRequest &request, const char *name)
{
    return request.hasRawHeader(QByteArray::fromRawData(name, qsizetype(std::strlen(name))));
}
} // namespace

FastHttpReply::FastHttpReply(FastHttpManager *manager, QNetworkAccessManager::Operation operation,
    const QNetworkRequest &request, QByteArray verb, QByteArray body, bool hasUpload)
    : QNetworkReply(manager)
    , m_manager(manager)
    , m_verb(std::move(verb))
    , m_body(std::move(body))
    , m_hasUpload(hasUpload)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    // Unbuffered: read() comes straight to readData, no second copy in QIODevice's buffer.
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    const auto policy = QNetworkRequest::RedirectPolicy(
        request.attribute(QNetworkRequest::RedirectPolicyAttribute, int(manager->redirectPolicy()))
            .toInt());
    m_followRedirects = policy != QNetworkRequest::ManualRedirectPolicy;
    m_redirectsLeft = request.maximumRedirectsAllowed();
    buildWireRequest();
}

FastHttpReply::~FastHttpReply()
{
    abandonTransport();
    if (m_manager)
        m_manager->withdraw(this);
    if (m_inflate)
        inflateEnd(m_inflate.get());
}

void FastHttpReply::abandonTransport()
{
    if (FastHttpConnection *connection = std::exchange(m_connection, nullptr))
        connection->abandon();
    if (FastHttp2Connection *h2 = std::exchange(m_h2, nullptr))
        h2->cancel(this);
}

void FastHttpReply::resumeTransport()
{
    if (m_connection)
        m_connection->resumeReading();
    if (m_h2)
        m_h2->resume(this);
}

void FastHttpReply::buildWireRequest()
{
    // The head Qt writes, in its order: Host, the caller's headers, then its own defaults.
    const QNetworkRequest req = request();
    const QUrl target = url();
    m_http2 = req.attribute(QNetworkRequest::Http2DirectAttribute).toBool();
    QByteArray path = target.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (target.hasQuery())
        path += '?' + target.query(QUrl::FullyEncoded).toLatin1();
    m_wire.clear();
    m_wire.reserve(256 + m_body.size());
    m_wire += m_verb + ' ' + path + " HTTP/1.1\r\n";
    if (!requestHas(req, "Host")) {
        const QByteArray host = target.host(QUrl::FullyEncoded).toLatin1();
        // An IPv6 address goes in brackets, as Qt writes it.
        if (host.contains(':'))
            m_wire += "Host: [" + host + ']';
        else
            m_wire += "Host: " + host;
        if (target.port() != -1 && target.port() != 80)
            m_wire += ':' + QByteArray::number(target.port());
        m_wire += "\r\n";
    }
    const QList<QByteArray> names = req.rawHeaderList();
    for (const QByteArray &name : names)
        m_wire += name + ": " + req.rawHeader(name) + "\r\n";
    if (m_hasUpload) {
        // Qt: a length whenever there is an upload device, even an empty one; a default type
        // only for a non-empty post() that names none (not for PUT, nor any custom verb, POST
        // included).
        if (!requestHas(req, "Content-Type") && !m_body.isEmpty()
            && operation() == QNetworkAccessManager::PostOperation)
            m_wire += "Content-Type: application/x-www-form-urlencoded\r\n";
        if (!requestHas(req, "Content-Length"))
            m_wire += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    }
    if (!requestHas(req, "Connection"))
        m_wire += "Connection: Keep-Alive\r\n";
    m_askedForEncoding = !requestHas(req, "Accept-Encoding");
    if (m_askedForEncoding)
        m_wire += "Accept-Encoding: " + QtAcceptEncoding + "\r\n";
    if (!requestHas(req, "Accept-Language"))
        m_wire += "Accept-Language: " + QtAcceptLanguage + "\r\n";
    if (!requestHas(req, "User-Agent"))
        m_wire += "User-Agent: Mozilla/5.0\r\n";
    m_wire += "\r\n";
    m_wire += m_body;
}

void FastHttpReply::connectionStarted()
{
    Q_EMIT socketStartedConnecting();
}

void FastHttpReply::requestWritten()
{
    Q_EMIT requestSent();
}

void FastHttpReply::onHeader(QByteArray name, QByteArray value)
{
    m_headers.emplace_back(std::move(name), std::move(value));
}

bool FastHttpReply::onHeadersComplete(int status, QByteArray reason)
{
    if (status >= 100 && status < 200 && status != 101) {
        // Interim (100 Continue, 103 Early Hints): Qt shows nothing of it.
        m_headers.clear();
        return false;
    }
    if (m_followRedirects && isRedirect(status)) {
        for (const auto &[name, value] : m_headers) {
            if (name.compare("location", Qt::CaseInsensitive) == 0) {
                m_redirectTo = value;
                break;
            }
        }
        if (!m_redirectTo.isEmpty() && m_redirectsLeft > 0) {
            // Followed: its body is discarded and its headers never show, as in Qt.
            m_headers.clear();
            m_redirectStatus = status;
            return !isHead();
        }
        // One redirect too many: as in Qt, this answer's status and headers stay (without
        // metaDataChanged), its body does not, and the reply fails.
        m_tooManyRedirects = !m_redirectTo.isEmpty();
    }
    if (m_askedForEncoding) {
        for (const auto &[name, value] : m_headers) {
            if (name.compare("content-encoding", Qt::CaseInsensitive) != 0
                || startDecoding(value.trimmed().toLower()))
                continue;
            // Qt would decode it (zstd, br): let Qt's stack fetch it again when that is safe.
            if (isIdempotent(m_verb)) {
                m_headers.clear();
                m_reissueInQt = true;
                return false;
            }
            m_failure = {QNetworkReply::ProtocolFailure,
                Tr::tr("Unsupported content encoding: %1").arg(QString::fromLatin1(value))};
        }
        if (m_inflate) {
            // As Qt: the length was the encoded body's, so it goes; the encoding stays.
            const auto isLength = [](const auto &field) {
                return field.first.compare("content-length", Qt::CaseInsensitive) == 0;
            };
            m_headers.erase(
                std::remove_if(m_headers.begin(), m_headers.end(), isLength), m_headers.end());
        }
    }
    // Repeated names join as Qt joins them: Set-Cookie with newlines, the rest with commas.
    for (auto &[name, value] : m_headers) {
        QByteArray joined = rawHeader(name);
        if (!joined.isNull())
            value = joined + (name.compare("set-cookie", Qt::CaseInsensitive) == 0 ? "\n" : ", ")
                + value;
        setRawHeader(name, value);
    }
    m_headers.clear();
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reason);
    setAttribute(QNetworkRequest::Http2WasUsedAttribute, m_http2);
    setAttribute(QNetworkRequest::HttpPipeliningWasUsedAttribute, false);
    setAttribute(QNetworkRequest::ConnectionEncryptedAttribute, false);
    if (isRedirect(status)) {
        const QByteArray location = rawHeader("Location");
        if (!location.isEmpty())
            setAttribute(QNetworkRequest::RedirectionTargetAttribute, QUrl::fromEncoded(location));
    }
    m_status = status;
    m_reason = std::move(reason);
    m_metaDataPending = !m_tooManyRedirects;
    return !isHead();
}

void FastHttpReply::onBody(const char *data, qsizetype size)
{
    if (m_redirectStatus != 0 || m_tooManyRedirects || m_done)
        return; // a redirect's body
    appendBody(data, size);
}

void FastHttpReply::appendBody(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    if (m_readPos > 0 && m_readPos == m_buffer.size()) {
        m_buffer.resize(0); // all read: start over, keeping the capacity
        m_readPos = 0;
    }
    if (!m_inflate) {
        m_buffer.append(data, size);
        m_bodyPending = true;
        return;
    }
    // Decoding: inflate in steps into the buffer's spare room.
    z_stream *z = m_inflate.get();
    z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    z->avail_in = uInt(size);
    int rc = Z_OK;
    int passes = 0;
    while (z->avail_in > 0 && rc == Z_OK && passes++ < 1 << 20) {
        const qsizetype before = m_buffer.size();
        m_buffer.resize(before + 32 * 1024);
        z->next_out = reinterpret_cast<Bytef *>(m_buffer.data() + before);
        z->avail_out = 32 * 1024;
        rc = inflate(z, Z_NO_FLUSH);
        m_buffer.resize(before + (32 * 1024 - qsizetype(z->avail_out)));
    }
    m_bodyPending = true;
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR
        && m_failure.code == QNetworkReply::NoError)
        m_failure = {QNetworkReply::ProtocolFailure, Tr::tr("Decompression failed")};
}

bool FastHttpReply::startDecoding(const QByteArray &encoding)
{
    if (encoding.isEmpty() || encoding == "identity")
        return true;
    if (encoding != "gzip" && encoding != "deflate" && encoding != "x-gzip")
        return false;
    m_inflate = std::make_unique<z_stream>();
    std::memset(m_inflate.get(), 0, sizeof(z_stream));
    // 32 + 15: gzip or zlib, told by the header.
    if (inflateInit2(m_inflate.get(), 32 + 15) != Z_OK) {
        m_inflate.reset();
        return false;
    }
    return true;
}

void FastHttpReply::deliver()
{
    if (m_done)
        return;
    if (m_reissueInQt) {
        m_reissueInQt = false;
        abandonTransport(); // the rest of this answer is of no use
        continueInQt(request());
        return;
    }
    if (m_metaDataPending) {
        m_metaDataPending = false;
        Q_EMIT metaDataChanged();
    }
    if (m_bodyPending && !m_done) {
        m_bodyPending = false;
        if (bytesAvailable() > 0)
            Q_EMIT readyRead();
    }
}

bool FastHttpReply::wantsMoreBody() const
{
    const qint64 limit = readBufferSize();
    return limit <= 0 || m_buffer.size() - m_readPos < limit;
}

void FastHttpReply::setReadBufferSize(qint64 size)
{
    QNetworkReply::setReadBufferSize(size);
    if (m_qtReply)
        m_qtReply->setReadBufferSize(size);
    resumeTransport(); // a larger (or no) limit may leave room now
}

void FastHttpReply::onComplete()
{
    if (m_done)
        return;
    if (m_redirectStatus != 0)
        return followRedirect();
    if (m_tooManyRedirects) {
        return fail(QNetworkReply::TooManyRedirectsError,
            QCoreApplication::translate("QHttp", "Too many redirects"));
    }
    if (m_failure.code != QNetworkReply::NoError)
        return fail(m_failure.code, m_failure.message);
    if (m_status >= 400) {
        // As Qt: the answer is kept, and the status also shows as an error.
        setError(errorForStatus(m_status),
            QCoreApplication::translate(
                "QNetworkReply", "Error transferring %1 - server replied: %2")
                .arg(url().toString(), QString::fromLatin1(m_reason)));
        Q_EMIT errorOccurred(error());
    }
    finishNow();
}

void FastHttpReply::followRedirect()
{
    const int status = m_redirectStatus;
    m_redirectStatus = 0;
    const QUrl target = url().resolved(QUrl::fromEncoded(m_redirectTo));
    m_redirectTo.clear();
    const QString scheme = target.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return fail(QNetworkReply::ProtocolUnknownError,
            QCoreApplication::translate("QHttp", "Unknown protocol specified"));
    }
    const auto policy
        = QNetworkRequest::RedirectPolicy(request()
                                              .attribute(QNetworkRequest::RedirectPolicyAttribute,
                                                  int(QNetworkRequest::NoLessSafeRedirectPolicy))
                                              .toInt());
    if (policy == QNetworkRequest::SameOriginRedirectPolicy
        && (target.scheme() != url().scheme() || target.host() != url().host()
            || target.port(80) != url().port(80))) {
        return fail(QNetworkReply::InsecureRedirectError,
            QCoreApplication::translate("QHttp", "Insecure redirect"));
    }
    --m_redirectsLeft;
    // As Qt: 301, 302 and 303 turn a POST into a GET (303 anything but HEAD), without its body.
    if ((m_verb == "POST" && (status == 301 || status == 302)) || (status == 303 && !isHead())) {
        if (m_verb != "GET") {
            m_verb = "GET";
            m_body.clear();
            setOperation(QNetworkAccessManager::GetOperation);
        }
    }
    QNetworkRequest next = request();
    next.setUrl(target);
    next.setMaximumRedirectsAllowed(m_redirectsLeft);
    if (m_verb == "GET" && operation() == QNetworkAccessManager::GetOperation) {
        next.setRawHeader("Content-Type", QByteArray());
        next.setRawHeader("Content-Length", QByteArray());
    }
    setRequest(next);
    setUrl(target);
    Q_EMIT redirected(target);
    if (m_done)
        return; // aborted from redirected()
    if (m_manager && m_manager->takes(operation(), next)) {
        buildWireRequest();
        m_manager->submit(this);
    } else {
        continueInQt(next);
    }
}

void FastHttpReply::continueInQt(const QNetworkRequest &next)
{
    QBuffer *outgoing = nullptr;
    if (!m_body.isEmpty()) {
        outgoing = new QBuffer(this);
        outgoing->setData(m_body);
        outgoing->open(QIODevice::ReadOnly);
    }
    QNetworkRequest request = next;
    request.setAttribute(QNetworkRequest::CustomVerbAttribute, m_verb);
    m_qtReply = m_manager ? m_manager->createQtReply(operation(), request, outgoing) : nullptr;
    if (!m_qtReply) {
        return fail(QNetworkReply::ProtocolUnknownError,
            QCoreApplication::translate("QHttp", "Unknown protocol specified"));
    }
    m_qtReply->setParent(this);
    m_qtReply->setReadBufferSize(readBufferSize());
    QNetworkReply *qt = m_qtReply;
    connect(
        qt, &QNetworkReply::socketStartedConnecting, this, &QNetworkReply::socketStartedConnecting);
    connect(qt, &QNetworkReply::requestSent, this, &QNetworkReply::requestSent);
    connect(qt, &QNetworkReply::encrypted, this, &QNetworkReply::encrypted);
    connect(qt, &QNetworkReply::sslErrors, this, &QNetworkReply::sslErrors);
    connect(qt, &QNetworkReply::redirected, this, [this](const QUrl &to) {
        setUrl(to);
        Q_EMIT redirected(to);
    });
    connect(qt, &QNetworkReply::metaDataChanged, this, [this, qt] {
        for (const QByteArray &name : rawHeaderList())
            setRawHeader(name, QByteArray());
        for (const auto &[name, value] : qt->rawHeaderPairs())
            setRawHeader(name, value);
        for (const auto attribute : {QNetworkRequest::HttpStatusCodeAttribute,
                 QNetworkRequest::HttpReasonPhraseAttribute, QNetworkRequest::Http2WasUsedAttribute,
                 QNetworkRequest::ConnectionEncryptedAttribute,
                 QNetworkRequest::RedirectionTargetAttribute})
            setAttribute(attribute, qt->attribute(attribute));
        Q_EMIT metaDataChanged();
    });
    connect(qt, &QNetworkReply::readyRead, this, [this, qt] {
        const QByteArray data = qt->readAll();
        appendBody(data.constData(), data.size());
        deliver();
    });
    connect(qt, &QNetworkReply::finished, this, [this, qt] {
        const QByteArray data = qt->readAll();
        appendBody(data.constData(), data.size());
        deliver();
        if (m_done)
            return;
        setUrl(qt->url());
        if (qt->error() != QNetworkReply::NoError) {
            setError(qt->error(), qt->errorString());
            Q_EMIT errorOccurred(qt->error());
        }
        finishNow();
    });
}

void FastHttpReply::onConnectionError(
    QAbstractSocket::SocketError error, const QString &socketMessage)
{
    // The codes and texts Qt's HTTP stack gives for the same socket errors.
    NetworkError code = QNetworkReply::UnknownNetworkError;
    QString message = socketMessage;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        code = QNetworkReply::ConnectionRefusedError;
        message = QCoreApplication::translate("QHttp", "Connection refused");
        break;
    case QAbstractSocket::RemoteHostClosedError:
        code = QNetworkReply::RemoteHostClosedError;
        message = QCoreApplication::translate("QHttp", "Connection closed");
        break;
    case QAbstractSocket::HostNotFoundError:
        code = QNetworkReply::HostNotFoundError;
        message = QCoreApplication::translate("QHttp", "Host %1 not found").arg(url().host());
        break;
    case QAbstractSocket::SocketTimeoutError:
        code = QNetworkReply::TimeoutError;
        break;
    default:
        break;
    }
    fail(code, message);
}

void FastHttpReply::onMalformed(const QByteArray &why)
{
    fail(QNetworkReply::ProtocolFailure,
        Tr::tr("Malformed HTTP response: %1").arg(QString::fromLatin1(why)));
}

void FastHttpReply::fail(NetworkError code, const QString &message)
{
    if (m_done)
        return;
    deliver(); // what arrived before the failure is still the answer's
    if (m_done)
        return;
    setError(code, message);
    Q_EMIT errorOccurred(code);
    finishNow();
}

void FastHttpReply::finishNow()
{
    if (m_done)
        return;
    m_done = true;
    abandonTransport();
    if (m_manager)
        m_manager->withdraw(this);
    setFinished(true);
    Q_EMIT readChannelFinished();
    Q_EMIT finished();
}

void FastHttpReply::abort()
{
    if (m_done)
        return;
    if (m_qtReply) {
        m_qtReply->abort(); // finishes this one through its finished()
        if (m_done)
            return;
    }
    fail(QNetworkReply::OperationCanceledError,
        QCoreApplication::translate("QNetworkReply", "Operation canceled"));
}

void FastHttpReply::close()
{
    abort();
    QNetworkReply::close();
}

qint64 FastHttpReply::bytesAvailable() const
{
    return qint64(m_buffer.size() - m_readPos) + QNetworkReply::bytesAvailable();
}

qint64 FastHttpReply::readData(char *data, qint64 maxSize)
{
    const qint64 available = qint64(m_buffer.size() - m_readPos);
    if (available == 0)
        return m_done ? -1 : 0;
    const qint64 n = qMin(available, maxSize);
    std::memcpy(data, m_buffer.constData() + m_readPos, size_t(n));
    m_readPos += qsizetype(n);
    if ((m_connection || m_h2) && available - n < readBufferSize())
        resumeTransport();
    return n;
}

qint64 FastHttpReply::skipData(qint64 maxSize)
{
    const qint64 n = qMin(qint64(m_buffer.size() - m_readPos), maxSize);
    m_readPos += qsizetype(n);
    if (n > 0)
        resumeTransport();
    return n;
}
