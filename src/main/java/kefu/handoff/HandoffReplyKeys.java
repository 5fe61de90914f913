package kefu.handoff;

import kefu.conversation.Intent;
import kefu.conversation.Lang;
import kefu.conversation.Media;
import kefu.conversation.ReplyKeyFamily;
import kefu.shop.OrderStatus;
import kefu.shop.kept.KeptTicket;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The staff-desk and ticket texts whose keys are built at run time; start-up checks each has a text. */
@Configuration(proxyBeanMethods = false)
public class HandoffReplyKeys {

    @Bean
    ReplyKeyFamily staffOrderStatusTexts() {
        return new ReplyKeyFamily("handoff.staff.status.", Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList());
    }

    @Bean
    ReplyKeyFamily staffIntentTexts() {
        return new ReplyKeyFamily("handoff.staff.intent.", Arrays.stream(Intent.values()).map(Intent::wireName).toList());
    }

    @Bean
    ReplyKeyFamily staffLanguageTexts() {
        return new ReplyKeyFamily("handoff.staff.lang.",
                Arrays.stream(Lang.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
    }

    @Bean
    ReplyKeyFamily ticketStatusTexts() {
        return new ReplyKeyFamily("handoff.staff.ticket_status.", KeptTicket.STATUSES);
    }

    @Bean
    ReplyKeyFamily buyerTicketStatusTexts() {
        return new ReplyKeyFamily("shop.ticket.", KeptTicket.STATUSES);
    }

    /** What a buyer is told when staff move a kept ticket or cancel request on (it is opened by the buyer). */
    @Bean
    ReplyKeyFamily keptTicketChangeTexts() {
        List<String> moved = KeptTicket.STATUSES.stream().filter(s -> !"open".equals(s)).toList();
        return new ReplyKeyFamily("shop.kept.",
                Stream.of("ticket.", "cancel.").flatMap(kind -> moved.stream().map(s -> kind + s)).toList());
    }

    /** What staff are told a buyer sent: voice, video, a sticker (the note before the message itself). */
    @Bean
    ReplyKeyFamily staffMediaTexts() {
        return new ReplyKeyFamily("handoff.staff.media.", Arrays.stream(Media.Kind.values()).map(Media.Kind::wireName).toList());
    }

    @Bean
    ReplyKeyFamily ratingTexts() {
        return new ReplyKeyFamily("handoff.rate.", IntStream.rangeClosed(1, 5).mapToObj(String::valueOf).toList());
    }
}
