#include "ui/HexView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

namespace nfqmon {

namespace {

// "0000  45 00 00 3c 1c 46 40 00  40 11 b1 c2 0a 00 00 01  E..<.F@.@......."
constexpr int OffsetChars = 4;
constexpr int HexStart = OffsetChars + 2;
int hexColumn(int i) // where byte i of a line starts
{
    return HexStart + i * 3 + (i >= 8 ? 1 : 0);
}
constexpr int AsciiStart = HexStart + HexView::BytesPerLine * 3 + 2;
constexpr int LineChars = AsciiStart + HexView::BytesPerLine;

} // namespace

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    setAccessibleName(tr("Packet bytes"));
}

void HexView::setBytes(const QByteArray &bytes)
{
    m_bytes = bytes;
    m_highlightOffset = 0;
    m_highlightLength = 0;
    verticalScrollBar()->setValue(0);
    updateScrollBar();
    viewport()->update();
}

void HexView::setHighlight(int offset, int length)
{
    m_highlightOffset = qBound(0, offset, int(m_bytes.size()));
    m_highlightLength = qBound(0, length, int(m_bytes.size()) - m_highlightOffset);
    if (m_highlightLength > 0) { // bring the start of the range into view
        const int line = m_highlightOffset / BytesPerLine;
        QScrollBar *bar = verticalScrollBar();
        const int visible = qMax(1, viewport()->height() / lineHeight());
        if (line < bar->value() || line >= bar->value() + visible)
            bar->setValue(line);
    }
    viewport()->update();
}

int HexView::lineCount() const
{
    return int((m_bytes.size() + BytesPerLine - 1) / BytesPerLine);
}

int HexView::lineHeight() const
{
    return fontMetrics().height();
}

QString HexView::lineText(int line) const
{
    QString text(LineChars, QLatin1Char(' '));
    const int start = line * BytesPerLine;
    const QString offset = QStringLiteral("%1").arg(start, OffsetChars, 16, QLatin1Char('0'));
    text.replace(0, OffsetChars, offset);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < BytesPerLine && start + i < m_bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(m_bytes.at(start + i));
        text[hexColumn(i)] = QLatin1Char(digits[byte >> 4]);
        text[hexColumn(i) + 1] = QLatin1Char(digits[byte & 0xf]);
        text[AsciiStart + i] = QLatin1Char(byte >= 0x20 && byte < 0x7f ? char(byte) : '.');
    }
    if (start + BytesPerLine > m_bytes.size()) // a short last line: no trailing blanks
        text.truncate(AsciiStart + int(m_bytes.size()) - start);
    return text;
}

QString HexView::text() const
{
    QStringList lines;
    for (int line = 0; line < lineCount(); ++line)
        lines.append(lineText(line));
    return lines.join(QLatin1Char('\n'));
}

QSize HexView::sizeHint() const
{
    const int width = fontMetrics().horizontalAdvance(QString(LineChars + 2, QLatin1Char('0')));
    return {width + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
            lineHeight() * 8 + 2 * frameWidth()};
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QFontMetrics metrics = fontMetrics();
    const int height = lineHeight();
    const int charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    const int margin = charWidth / 2;
    const int first = verticalScrollBar()->value();
    const int last = qMin(lineCount(), first + viewport()->height() / height + 2);
    const QColor highlight = palette().color(QPalette::Highlight);
    const QColor highlightedText = palette().color(QPalette::HighlightedText);
    const QColor offsetColor = palette().color(QPalette::PlaceholderText);
    const int highlightEnd = m_highlightOffset + m_highlightLength;
    for (int line = first; line < last; ++line) {
        const int y = (line - first) * height;
        const QString text = lineText(line);
        // Highlighted bytes first, as boxes behind both their hex and ASCII characters.
        for (int i = 0; i < BytesPerLine; ++i) {
            const int index = line * BytesPerLine + i;
            if (index >= m_bytes.size() || index < m_highlightOffset || index >= highlightEnd)
                continue;
            const bool joinNext = index + 1 < highlightEnd && i + 1 < BytesPerLine;
            const int hexWidth = joinNext ? hexColumn(i + 1) - hexColumn(i) : 2;
            painter.fillRect(margin + hexColumn(i) * charWidth, y, hexWidth * charWidth, height,
                             highlight);
            painter.fillRect(margin + (AsciiStart + i) * charWidth, y, charWidth, height,
                             highlight);
        }
        const int baseline = y + metrics.ascent();
        painter.setPen(offsetColor);
        painter.drawText(margin, baseline, text.left(OffsetChars));
        for (int i = 0; i < BytesPerLine; ++i) {
            const int index = line * BytesPerLine + i;
            if (index >= m_bytes.size())
                break;
            const bool lit = index >= m_highlightOffset && index < highlightEnd;
            painter.setPen(lit ? highlightedText : palette().color(QPalette::Text));
            painter.drawText(margin + hexColumn(i) * charWidth, baseline,
                             text.mid(hexColumn(i), 2));
            painter.drawText(margin + (AsciiStart + i) * charWidth, baseline,
                             text.mid(AsciiStart + i, 1));
        }
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBar();
}

void HexView::updateScrollBar()
{
    const int visible = qMax(1, viewport()->height() / lineHeight());
    verticalScrollBar()->setRange(0, qMax(0, lineCount() - visible));
    verticalScrollBar()->setPageStep(visible);
}

} // namespace nfqmon
