package kefu.channel.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSplitterTest {

    private final MessageSplitter splitter = new MessageSplitter(10);

    @Test
    void shortTextStaysWhole() {
        assertThat(splitter.split("你好")).containsExactly("你好");
    }

    @Test
    void longTextIsCutAtALineBreak() {
        assertThat(splitter.split("第一行内容\n第二行内容很长")).containsExactly("第一行内容", "第二行内容很长");
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "123456789😀abc";
        assertThat(splitter.split(text)).containsExactly("123456789", "😀abc");
    }

    @Test
    void everyPartFitsTheLimit() {
        assertThat(splitter.split("x".repeat(35))).hasSize(4).allMatch(p -> p.length() <= 10);
    }
}
