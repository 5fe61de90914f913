package kefu.spam;

import kefu.conversation.Button;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.session.BanList;
import kefu.session.RedisKeys;
import kefu.session.SessionProperties;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-contact challenge (switched on here for the "test" channel) and automatic bans for repeated floods. */
@TestPropertySource(properties = {"kefu.spam.challenge.enabled=true", "kefu.spam.challenge.channels=test"})
class SpamProtectionTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ReplyTexts texts;
    @Autowired
    BanList bans;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    SessionProperties session;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    private TurnResult say(ConversationKey who, String text) {
        return engine.handle(Turn.text(who, null, text));
    }

    private static List<Button> buttons(TurnResult r) {
        return r.replies().stream().flatMap(x -> x.buttons().stream()).toList();
    }

    /** The button the challenge names: its label is the one the text asks for. */
    private static Button named(TurnResult challenge) {
        String text = challenge.replies().get(0).text();
        return buttons(challenge).stream().filter(b -> text.contains(b.label())).findFirst().orElseThrow();
    }

    @Test
    void aNewChatIsServedOnlyAfterPressingTheNamedButton() {
        TurnResult challenge = say(buyer, "你好");
        TurnResult ignored = say(buyer, "话费多久到账");
        // Every message gets a new challenge: the wrong button is wrong for the latest one.
        Button right = named(ignored);
        Button wrong = buttons(ignored).stream().filter(b -> !b.equals(right)).findFirst().orElseThrow();
        TurnResult afterWrong = engine.handle(Turn.button(buyer, null, wrong.data()));
        TurnResult passed = engine.handle(Turn.button(buyer, null, named(afterWrong).data()));
        TurnResult served = say(buyer, "话费多久到账");

        assertThat(buttons(challenge)).hasSize(4);
        assertThat(ignored.intent()).isNotEqualTo(Intent.FAQ);
        assertThat(buttons(ignored)).hasSize(4);
        assertThat(buttons(afterWrong)).hasSize(4);
        assertThat(afterWrong.replies()).extracting(Reply::text)
                .doesNotContain(texts.get("spam.challenge.passed", Lang.ZH, Map.of()));
        assertThat(passed.replies()).extracting(Reply::text)
                .containsExactly(texts.get("spam.challenge.passed", Lang.ZH, Map.of()));
        assertThat(served.intent()).isEqualTo(Intent.FAQ);
    }

    @Test
    void otherChannelsAndGroupsAreNotChallenged() {
        TurnResult cli = say(new ConversationKey("cli", uniqueUser()), "你好");

        assertThat(cli.intent()).isEqualTo(Intent.GREETING);
        assertThat(buttons(cli)).noneMatch(b -> b.data().startsWith(FirstContactChallenge.ACTION + ":"));
    }

    @Test
    void aBuyerWhoFloodsAgainAndAgainIsBannedForAWhileAutomatically() {
        ConversationKey flooder = new ConversationKey("cli", uniqueUser());
        int limit = session.floodMaxTurns();
        for (int strike = 0; strike < session.floodStrikes(); strike++) {
            for (int i = 0; i <= limit; i++) {
                say(flooder, "/start");
            }
            redis.delete(keys.turnCounter(flooder)); // the flood window passes
        }

        assertThat(bans.banned(flooder)).isTrue();
        BanList.Ban ban = bans.ban(flooder).orElseThrow();
        assertThat(ban.automatic()).isTrue();
        assertThat(ban.reason()).isEqualTo(BanList.FLOOD_REASON);
        assertThat(Duration.between(java.time.Instant.now(), ban.until()))
                .isBetween(session.floodBan().minusMinutes(1), session.floodBan());
        assertThat(say(flooder, "你好").replies()).as("banned: no answer").isEmpty();
    }

    @Test
    void oneFloodIsNotYetABan() {
        ConversationKey once = new ConversationKey("cli", uniqueUser());
        for (int i = 0; i <= session.floodMaxTurns(); i++) {
            say(once, "/start");
        }

        assertThat(bans.banned(once)).isFalse();
    }
}
