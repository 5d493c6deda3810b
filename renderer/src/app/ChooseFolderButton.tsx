import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { desktop } from '../api/client';

/** The system's folder picker beside a path field; only the desktop program has one (a browser shows nothing). */
export function ChooseFolderButton({
  label,
  onChosen,
  ...props
}: ActionIconProps & { label: string; onChosen: (folder: string) => void }) {
  const choose = desktop.chooseFolder;
  if (!choose) return null;
  return (
    <ActionIcon
      variant="default"
      aria-label={label}
      title={label}
      onClick={() => void choose().then((f) => f && onChosen(f))}
      {...props}
    >
      <IconFolder size={16} />
    </ActionIcon>
  );
}
