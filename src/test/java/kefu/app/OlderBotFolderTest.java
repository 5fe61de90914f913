package kefu.app;

import kefu.conversation.Keywords;
import kefu.nlu.DialogueFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's bot/ folder from an older version starts the bot: what it lacks comes from the packaged copies. */
class OlderBotFolderTest {

    @Test
    void missingWordListsAndDialogueSectionsComeFromTheJar() throws IOException {
        Path bot = Files.createTempDirectory("kefu-old-bot");
        Files.writeString(bot.resolve("dialogue.yml"), "negation:\n  - 算了吧\n");
        BotFiles files = new BotFiles(bot, bot.resolve("no-kb"));

        Keywords keywords = new KeywordsLoader().load(files);
        var sections = DialogueFile.sections(files);

        assertThat(Keywords.in(keywords.leaveFlow(), "算了")).as("no keywords.yml: the packaged one").isTrue();
        assertThat(keywords.ticketStatusOf("驳回")).contains("rejected");
        assertThat(sections.get("negation")).as("the operator's own section wins").isEqualTo(java.util.List.of("算了吧"));
        assertThat(sections).as("sections the operator's file lacks").containsKeys("asks", "small-talk", "person");
    }
}
