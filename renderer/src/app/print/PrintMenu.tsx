import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';

/** One choice of a screen's print menu: a document to preview and print, or a spreadsheet to save. */
export interface PrintChoice {
  label: string;
  onClick: () => void;
  spreadsheet?: boolean;
}

/** The "Print" button of a screen: the document in Kazakh or Russian, and the spreadsheet where there is one. */
export function PrintMenu({ label, choices, disabled }: { label: string; choices: PrintChoice[]; disabled?: boolean }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {choices.map((c) => (
          <Menu.Item
            key={c.label}
            leftSection={c.spreadsheet ? <IconFileSpreadsheet size={14} /> : <IconPrinter size={14} />}
            onClick={c.onClick}
          >
            {c.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
