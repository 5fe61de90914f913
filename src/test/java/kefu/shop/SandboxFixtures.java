package kefu.shop;

import kefu.shop.sandbox.SandboxData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Test data for the sandbox shop: orders with fresh numbers, times relative to now. */
public final class SandboxFixtures {

    private SandboxFixtures() {
    }

    public static String orderNo() {
        return "K" + (1_000_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999_999L));
    }

    public static String code() {
        return Long.toString(100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
    }

    /** An order with contact phone 13812345678 and query password {@code pw-<orderNo>}. */
    public static SandboxData.Order order(String no, String account, String category, String status,
                                          Integer paidMinutesAgo) {
        return new SandboxData.Order(no, account, "测试商品 " + category, category, "auto", "10.00", "13812345678",
                "13812345678", "pw-" + no, status, null, paidMinutesAgo, null, null, false, null);
    }

    public static SandboxData.Order delivered(String no, String account, String category, String code, boolean used,
                                              Integer expiresInDays) {
        return new SandboxData.Order(no, account, "测试商品 " + category, category, "auto", "10.00",
                "buyer@example.com", "13812345678", "pw-" + no, "delivered", null, 120, 100, code, used, expiresInDays);
    }

    public static SandboxData orders(SandboxData.Order... orders) {
        return new SandboxData(List.of(), List.of(orders));
    }

    public static SandboxData account(String id, String bindCode, SandboxData.Order... orders) {
        return new SandboxData(List.of(new SandboxData.Account(id, "测试用户", "13812345678", "t@example.com", bindCode)),
                List.of(orders));
    }

    /** A valid 1×1 PNG file. */
    public static Path png() throws IOException {
        byte[] raw = {0, 0, 0, 0};
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[64];
        int n = d.deflate(buf);
        var out = new java.io.ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(out, "IHDR", new byte[]{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        Path file = Files.createTempFile("shot", ".png");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        var len = java.nio.ByteBuffer.allocate(4).putInt(data.length).array();
        out.write(len);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
