package dev.interlock.embed.jsr223;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The bytes the interpreter writes to {@code sys.stdout} or {@code sys.stderr}, decoded from
 * UTF-8 (a character split between two writes is kept until complete) and written to the writer
 * of the script context in use, which may change from one evaluation to the next. A writer's
 * {@link IOException} reaches the interpreter's {@code PrintStream}, which records it, as
 * {@code print} to a closed stream does not raise either.
 */
final class ContextOutput extends OutputStream {

    private final Supplier<Writer> writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    /** @param writer the writer to use now (asked at each write) */
    ContextOutput(Supplier<Writer> writer) {
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
            drain();
        }
    }

    private void drain() throws IOException {
        pending.flip();
        Writer w = writer.get();
        try {
            while (true) {
                boolean overflow = decoder.decode(pending, chars, false).isOverflow();
                chars.flip();
                w.write(chars.array(), chars.position(), chars.remaining());
                chars.clear();
                if (!overflow) {
                    break;
                }
            }
        } finally {
            pending.compact(); // an incomplete character stays for the next write
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        writer.get().flush();
    }
}
