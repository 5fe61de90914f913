package kefu.spam;

import kefu.conversation.ReplyKeyFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.stream.IntStream;

/** The challenge's button labels are looked up by number; start-up checks each has a text. */
@Configuration(proxyBeanMethods = false)
public class SpamReplyKeys {

    @Bean
    ReplyKeyFamily challengeChoiceTexts() {
        return new ReplyKeyFamily("spam.challenge.choice.",
                IntStream.range(0, FirstContactChallenge.CHOICES).mapToObj(String::valueOf).toList());
    }
}
