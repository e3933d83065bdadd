// The captured bytes of one packet as hex and ASCII, 16 bytes a line, with one range (the header
// chosen in the decoded tree) highlighted. Painted line by line, so a 64 KiB packet costs only
// the lines on screen.
#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace nfqmon {

class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int BytesPerLine = 16;

    explicit HexView(QWidget *parent = nullptr);

    void setBytes(const QByteArray &bytes);
    QByteArray bytes() const { return m_bytes; }
    // Bytes [offset, offset + length) are highlighted; length 0 removes the highlight.
    void setHighlight(int offset, int length);
    // The text as shown (offset, hex, ASCII per line), for copying and tests.
    QString text() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int lineCount() const;
    int lineHeight() const;
    QString lineText(int line) const;
    void updateScrollBar();

    QByteArray m_bytes;
    int m_highlightOffset = 0;
    int m_highlightLength = 0;
};

} // namespace nfqmon
