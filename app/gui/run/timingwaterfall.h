// A request's phases (queued, connect, TLS, send, wait, download) drawn as a waterfall.
#pragma once

#include "core/model/result.h"

class QPainter;

#include <QWidget>

/// Bars on a common time axis, from when the request was due to its last byte, each labelled
/// with its duration. A phase that did not happen says why (reused connection, no TLS, no
/// response) instead of showing a zero bar. Qt reports no separate TCP connect time: on a new TLS
/// connection the TLS bar spans the connect too, as browsers' "initial connection" and "SSL" do.
class TimingWaterfall : public QWidget
{
    Q_OBJECT
public:
    enum Phase { Queued, Connect, Tls, Send, Wait, Download, PhaseCount };
    /// Why a phase has no bar.
    enum class Absence {
        None, ///< it happened: the span is set
        NotFinished, ///< the request has no result yet
        NotSent, ///< never dispatched, or no request went out (refused, cancelled)
        ReusedConnection, ///< a kept-alive connection carried it
        NoTls, ///< cleartext HTTP
        IncludedInConnect, ///< a new cleartext connection: Qt reports connect and send as one
        Failed, ///< started but did not complete (a failed handshake)
        NoResponse, ///< no response headers came
    };
    struct Span
    {
        qint64 startUs = -1;
        qint64 endUs = -1;
        Absence absence = Absence::NotFinished;
    };

    explicit TimingWaterfall(QWidget *parent = nullptr);

    /// Shows the phases of `result`; `url` tells whether TLS was expected.
    void setResult(const Result &result, const QUrl &url);
    void clear();
    bool hasResult() const { return m_hasResult; }

    Span span(Phase phase) const { return m_spans[phase]; }
    /// The phases of a result: pure, for tests and tooltips.
    static Span spanFor(Phase phase, const Result &result, bool tls);
    static QString phaseName(Phase phase);
    static QString absenceText(Absence absence);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    double xFor(const QRect &area, qint64 us) const;
    void paintGrid(QPainter &painter, const QRect &area);
    void paintRow(QPainter &painter, const QRect &area, Phase phase);
    int labelWidth() const;
    int valueWidth() const;
    QRect barArea() const;
    int phaseAt(const QPoint &pos) const;

    Span m_spans[PhaseCount];
    qint64 m_startUs = 0;
    qint64 m_endUs = 0;
    qint64 m_dispatchedUs = -1;
    int m_retries = 0;
    bool m_hasResult = false;
    bool m_finished = false;
};
