import { ArrowLeftRight, KeyRound, Lock, Settings, ShieldCheck, User, UsersRound, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { AdminSection } from '../state/routes.js';
import { ApiKeysSection } from './ApiKeysSection.js';
import { RolesSection } from './RolesSection.js';
import { SecretKeysSection } from './SecretKeysSection.js';
import { SettingsSection } from './SettingsSection.js';
import { TransferSection } from './TransferSection.js';
import { UserGroupsSection } from './UserGroupsSection.js';
import { UsersSection } from './UsersSection.js';

export interface AdminSectionEntry {
  id: AdminSection;
  title: string;
  icon: LucideIcon;
  Content: ComponentType;
}

/** The admin screens in the order the side list shows them; each is at `#/admin/<id>`. */
export const ADMIN_SECTION_LIST: readonly AdminSectionEntry[] = [
  { id: 'users', title: 'Users', icon: User, Content: UsersSection },
  { id: 'user-groups', title: 'User groups', icon: UsersRound, Content: UserGroupsSection },
  { id: 'roles', title: 'Roles', icon: ShieldCheck, Content: RolesSection },
  { id: 'api-keys', title: 'API keys', icon: KeyRound, Content: ApiKeysSection },
  { id: 'secret-keys', title: 'Secret keys', icon: Lock, Content: SecretKeysSection },
  { id: 'settings', title: 'Settings', icon: Settings, Content: SettingsSection },
  { id: 'transfer', title: 'Export and import', icon: ArrowLeftRight, Content: TransferSection },
];
