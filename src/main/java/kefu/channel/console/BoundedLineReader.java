package kefu.channel.console;

import java.io.IOException;
import java.io.Reader;

/** Reads lines without ever holding more than {@code maxChars} of one; the rest of a longer line is skipped. */
public final class BoundedLineReader {

    /** A line; {@code truncated} when it was longer than the limit and only its start is kept. */
    public record Line(String text, boolean truncated) { }

    private final Reader in;
    private final int maxChars;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of input. */
    public Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean truncated = false;
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.length() < maxChars) {
                line.append((char) c);
            } else {
                truncated = true;
            }
        }
        if (!any) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return new Line(line.toString(), truncated);
    }
}
