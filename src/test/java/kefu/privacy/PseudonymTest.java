package kefu.privacy;

import kefu.conversation.ConversationKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymTest {

    @Test
    void aTelegramChatHasTheSamePseudonymAsItsConversation() {
        assertThat(Pseudonym.ofTelegramChat(123456789L))
                .isEqualTo(Pseudonym.of(new ConversationKey("tg", "123456789")));
    }

    @Test
    void thePseudonymDoesNotContainTheIdAndDiffersBetweenBuyers() {
        String one = Pseudonym.of(new ConversationKey("tg", "123456789"));

        assertThat(one).hasSize(12).doesNotContain("123456789");
        assertThat(one).isNotEqualTo(Pseudonym.of(new ConversationKey("tg", "123456780")));
    }
}
