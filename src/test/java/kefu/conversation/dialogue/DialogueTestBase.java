package kefu.conversation.dialogue;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.conversation.ConversationStore;
import kefu.shop.sandbox.SandboxShop;
import kefu.testsupport.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whole conversations through the engine, real Redis and the sandbox shop over signed HTTP. Expected wording is
 * taken from {@code bot/replies}, never copied: a test checks which reply the bot chose.
 */
abstract class DialogueTestBase extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ReplyTexts texts;

    final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    TurnResult say(String text) {
        return engine.handle(Turn.text(buyer, null, text));
    }

    TurnResult press(String data) {
        return engine.handle(Turn.button(buyer, null, data));
    }

    TurnResult photo(Path file, String caption) throws Exception {
        return engine.handle(Turn.attachment(buyer, null,
                new Attachment(file.toString(), file.getFileName().toString(), "image/png", Files.size(file)), caption));
    }

    ConversationState state() {
        return store.peek(buyer).orElseThrow();
    }

    /** The reply text for {@code key}, with placeholders left as they are unless given. */
    String reply(String key, Map<String, ?> vars) {
        return texts.get(key, Lang.ZH, vars);
    }

    String reply(String key) {
        return reply(key, Map.of());
    }

    /** The fixed part of a reply text: up to its first placeholder. */
    String lead(String key) {
        String t = reply(key);
        int brace = t.indexOf('{');
        return (brace < 0 ? t : t.substring(0, brace)).strip();
    }

    /** The fixed part of a reply text after its last placeholder. */
    String tail(String key) {
        String t = reply(key);
        return t.substring(t.lastIndexOf('}') + 1).strip();
    }

    static String text(TurnResult r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }

    static List<String> buttons(TurnResult r) {
        return r.replies().stream().flatMap(x -> x.buttons().stream()).map(Button::data).toList();
    }
}
