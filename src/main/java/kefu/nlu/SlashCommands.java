package kefu.nlu;

import kefu.conversation.Classification;
import kefu.conversation.command.BuyerCommand;
import kefu.conversation.command.SlashCommand;

import java.util.Map;
import java.util.Optional;

/** Buyer commands ({@code /start}, {@code /human@ShopBot}) read as the intent they ask for, with the argument. */
final class SlashCommands {

    Optional<Classification> match(String text) {
        Optional<SlashCommand> command = SlashCommand.parse(text);
        return command.flatMap(c -> BuyerCommand.find(c).flatMap(BuyerCommand::intent)
                .map(intent -> new Classification(intent, 1.0,
                        Map.of("command", c.name(), "argument", c.argument()))));
    }
}
