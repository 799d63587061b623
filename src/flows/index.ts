import type { CommandName } from '../app/permissions.ts';
import type { Flow } from './engine/types.ts';
import { broadcastFlow } from './broadcast/flow.ts';
import { groupFlow } from './group/flow.ts';
import { helpFlow } from './help/flow.ts';
import { detailFlow } from './detail/flow.ts';
import { exportFlow } from './export/flow.ts';
import { extendFlow } from './extend/flow.ts';
import { languageFlow } from './language/flow.ts';
import { lockFlow } from './lock/flow.ts';
import { missingFlow } from './missing/flow.ts';
import { nominateFlow } from './nominate/flow.ts';
import { nominationsFlow } from './nominations/flow.ts';
import { progressFlow } from './progress/flow.ts';
import { registerFlow, startFlow } from './register/flow.ts';
import { remindFlow } from './remind/flow.ts';
import { reopenFlow } from './reopen/flow.ts';
import { reportFlow } from './report/flow.ts';
import { standingsFlow } from './standings/flow.ts';
import { statusFlow } from './status/flow.ts';
import { viewFlow } from './view/flow.ts';
import { whoamiFlow } from './whoami/flow.ts';

/** Every conversation, one line each: adding a flow is a folder plus one line here. */
const ALL: Flow[] = [
  startFlow,
  registerFlow,
  helpFlow,
  whoamiFlow,
  languageFlow,
  groupFlow,
  nominateFlow,
  nominationsFlow,
  statusFlow,
  viewFlow,
  missingFlow,
  reopenFlow,
  lockFlow,
  extendFlow,
  remindFlow,
  broadcastFlow,
  reportFlow,
  standingsFlow,
  progressFlow,
  detailFlow,
  exportFlow,
];

export const FLOWS: ReadonlyMap<CommandName, Flow> = new Map(ALL.map((f) => [f.command, f]));
