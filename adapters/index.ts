// The platforms this build knows, in the order they start. A new one (Mattermost, Google Chat, the
// Azure ticket watcher) is its own folder under adapters/ exporting a PlatformModule, and one line here.
import type { PlatformModule } from '../src/platform.js';
import { azure } from './azure/platform.js';
import { slack } from './slack/index.js';
import { teams } from './teams/index.js';

export const PLATFORMS: readonly PlatformModule[] = [slack, teams, azure];
