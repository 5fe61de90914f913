package kefu.console;

import kefu.console.tickets.TicketFilter;
import kefu.console.tickets.TicketRow;
import kefu.console.unanswered.UnansweredQuestions;
import kefu.conversation.ReplyKeyFamily;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.shop.ListedUrge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The console page texts whose keys the pages build at run time; start-up checks each has a text. */
@Configuration(proxyBeanMethods = false)
public class ConsoleReplyKeys {

    @Bean
    ReplyKeyFamily ticketFilterTexts() {
        return new ReplyKeyFamily("console.tickets.filter.", Arrays.stream(TicketFilter.values()).map(TicketFilter::wireName).toList());
    }

    @Bean
    ReplyKeyFamily ticketKeeperTexts() {
        return new ReplyKeyFamily("console.tickets.keeper.", Arrays.stream(TicketRow.Keeper.values()).map(TicketRow.Keeper::wireName).toList());
    }

    @Bean
    ReplyKeyFamily urgeStatusTexts() {
        return new ReplyKeyFamily("console.tickets.urge_status.", ListedUrge.STATUSES);
    }

    @Bean
    ReplyKeyFamily unansweredKindTexts() {
        List<String> kinds = Stream.concat(Arrays.stream(FallbackKind.values()).map(Enum::name),
                Stream.of(UnansweredQuestions.RATED_DOWN)).toList();
        return new ReplyKeyFamily("console.unanswered.kind.", kinds);
    }
}
