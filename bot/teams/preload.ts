/** Loads the Bot Framework SDK before source maps are turned on (bot/start.ts); the SDK stays in bot/teams/. */
import 'botbuilder';
