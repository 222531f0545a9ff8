import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps, Tooltip, TooltipTrigger } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children'> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  icon?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** The designer's button: one look per variant, an optional leading icon. */
export function Button({ variant = 'secondary', size = 'md', icon, children, className, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ')}>
      {icon}
      {children !== undefined && <span className="btn-label">{children}</span>}
    </AriaButton>
  );
}

export interface IconButtonProps extends Omit<AriaButtonProps, 'className' | 'children'> {
  /** Read by screen readers and shown as the tooltip. */
  label: string;
  /** e.g. "Ctrl+Z", shown in the tooltip. */
  shortcut?: string;
  icon: ReactNode;
  variant?: ButtonVariant;
  className?: string;
}

/** A square button holding only an icon, named for assistive technology and explained by a tooltip. */
export function IconButton({ label, shortcut, icon, variant = 'ghost', className, ...props }: IconButtonProps) {
  return (
    <TooltipTrigger delay={500}>
      <AriaButton {...props} aria-label={label} className={['btn', 'btn-icon', `btn-${variant}`, className].filter(Boolean).join(' ')}>
        {icon}
      </AriaButton>
      <Tooltip className="tooltip" offset={6}>
        {label}
        {shortcut && <kbd>{shortcut}</kbd>}
      </Tooltip>
    </TooltipTrigger>
  );
}
