<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>pos</name>
    <message>
      <location filename="../app.py" line="106" />
      <source>Cashier</source>
      <translation>Cashier</translation>
    </message>
    <message>
      <location filename="../app.py" line="106" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../app.py" line="106" />
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <location filename="../app.py" line="148" />
      <source>Store POS</source>
      <translation>Store POS</translation>
    </message>
    <message>
      <location filename="../app.py" line="203" />
      <source>Numpad</source>
      <translation>Numpad</translation>
    </message>
    <message>
      <location filename="../app.py" line="208" />
      <source>Help</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../app.py" line="211" />
      <source>Log out</source>
      <translation>Log out</translation>
    </message>
    <message>
      <location filename="../app.py" line="265" />
      <source>HQ: %1 · %2 events waiting</source>
      <translation>HQ: %1 · %2 events waiting</translation>
    </message>
    <message>
      <location filename="../app.py" line="284" />
      <source>online</source>
      <translation>online</translation>
    </message>
    <message>
      <location filename="../app.py" line="284" />
      <source>offline</source>
      <translation>offline</translation>
    </message>
    <message>
      <location filename="../app.py" line="394" />
      <source>%1 is not open to your role</source>
      <translation>%1 is not open to your role</translation>
    </message>
    <message>
      <location filename="../app.py" line="490" />
      <source>Sale %1: %2, change %3</source>
      <translation>Sale %1: %2, change %3</translation>
    </message>
    <message>
      <location filename="../app.py" line="493" />
      <source>%1 points earned</source>
      <translation>%1 points earned</translation>
    </message>
    <message>
      <location filename="../app.py" line="495" />
      <source>offline stored value used: %1</source>
      <translation>offline stored value used: %1</translation>
    </message>
    <message>
      <location filename="../app.py" line="504" />
      <source>Sale %1 · total %2</source>
      <translation>Sale %1 · total %2</translation>
    </message>
    <message>
      <location filename="../approval.py" line="28" />
      <source>price override</source>
      <translation>price override</translation>
    </message>
    <message>
      <location filename="../approval.py" line="29" />
      <source>refund</source>
      <translation>refund</translation>
    </message>
    <message>
      <location filename="../approval.py" line="30" />
      <source>card replacement</source>
      <translation>card replacement</translation>
    </message>
    <message>
      <location filename="../approval.py" line="31" />
      <source>opening a shift</source>
      <translation>opening a shift</translation>
    </message>
    <message>
      <location filename="../approval.py" line="32" />
      <source>closing a shift</source>
      <translation>closing a shift</translation>
    </message>
    <message>
      <location filename="../approval.py" line="33" />
      <source>void after payment</source>
      <translation>void after payment</translation>
    </message>
    <message>
      <location filename="../approval.py" line="34" />
      <source>manual discount</source>
      <translation>manual discount</translation>
    </message>
    <message>
      <location filename="../approval.py" line="35" />
      <source>cancelling a sale above the set amount</source>
      <translation>cancelling a sale above the set amount</translation>
    </message>
    <message>
      <location filename="../approval.py" line="36" />
      <source>reprinting a receipt</source>
      <translation>reprinting a receipt</translation>
    </message>
    <message>
      <location filename="../approval.py" line="37" />
      <source>a tier change</source>
      <translation>a tier change</translation>
    </message>
    <message>
      <location filename="../approval.py" line="38" />
      <source>a group enrollment</source>
      <translation>a group enrollment</translation>
    </message>
    <message>
      <location filename="../approval.py" line="39" />
      <source>a card sold below face</source>
      <translation>a card sold below face</translation>
    </message>
    <message>
      <location filename="../approval.py" line="49" />
      <source>Supervisor approval</source>
      <translation>Supervisor approval</translation>
    </message>
    <message>
      <location filename="../approval.py" line="53" />
      <source>Approval needed for: %1</source>
      <translation>Approval needed for: %1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="60" />
      <source>Supervisor code</source>
      <translation>Supervisor code</translation>
    </message>
    <message>
      <location filename="../approval.py" line="61" />
      <source>PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../approval.py" line="68" />
      <source>Approve</source>
      <translation>Approve</translation>
    </message>
    <message>
      <location filename="../approval.py" line="69" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../balance.py" line="108" />
      <source>preview</source>
      <translation>preview</translation>
    </message>
    <message>
      <location filename="../balance.py" line="124" />
      <source>Find a member first</source>
      <translation>Find a member first</translation>
    </message>
    <message>
      <location filename="../balance.py" line="135" />
      <source>Slip %1 printed</source>
      <translation>Slip %1 printed</translation>
    </message>
    <message>
      <location filename="../balance.py" line="30" />
      <source>Balance</source>
      <translation>Balance</translation>
    </message>
    <message>
      <location filename="../balance.py" line="31" />
      <source>Balance slip</source>
      <translation>Balance slip</translation>
    </message>
    <message>
      <location filename="../balance.py" line="33" />
      <source>Find a member by card or phone</source>
      <translation>Find a member by card or phone</translation>
    </message>
    <message>
      <location filename="../balance.py" line="34" />
      <source>Print the balance slip</source>
      <translation>Print the balance slip</translation>
    </message>
    <message>
      <location filename="../balance.py" line="46" />
      <source>Card number or phone; or present the card</source>
      <translation>Card number or phone; or present the card</translation>
    </message>
    <message>
      <location filename="../balance.py" line="49" />
      <source>Find</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../balance.py" line="54" />
      <source>No member selected</source>
      <translation>No member selected</translation>
    </message>
    <message>
      <location filename="../balance.py" line="71" />
      <source>Print slip</source>
      <translation>Print slip</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="1034" />
      <source>Coupon %1 taken off: %2</source>
      <translation>Coupon %1 taken off: %2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="1052" />
      <source>Welcome</source>
      <translation>Welcome</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="140" />
      <source>Anonymous card</source>
      <translation>Anonymous card</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="141" />
      <source>Tier</source>
      <translation>Tier</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="142" />
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="143" />
      <source>Stored value</source>
      <translation>Stored value</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="144" />
      <source>principal</source>
      <translation>principal</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="145" />
      <source>bonus</source>
      <translation>bonus</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="149" />
      <source>%1 points expire on %2</source>
      <translation>%1 points expire on %2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="154" />
      <source>Supplementary card</source>
      <translation>Supplementary card</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Qty</source>
      <translation>Qty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Price</source>
      <translation>Price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Discounts</source>
      <translation>Discounts</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="177" />
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="245" />
      <source>Checkout</source>
      <translation>Checkout</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="248" />
      <source>Quantity of the selected line</source>
      <translation>Quantity of the selected line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="249" />
      <source>Void the selected line</source>
      <translation>Void the selected line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="250" />
      <source>Price override (supervisor)</source>
      <translation>Price override (supervisor)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="251" />
      <source>Member: card or phone</source>
      <translation>Member: card or phone</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="252" />
      <source>Coupon</source>
      <translation>Coupon</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="253" />
      <source>Pay</source>
      <translation>Pay</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="254" />
      <source>Park the cart (挂单)</source>
      <translation>Park the cart (挂单)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="255" />
      <source>Recall a parked cart (取单)</source>
      <translation>Recall a parked cart (取单)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="256" />
      <source>Cancel the whole sale, with a reason (整单取消)</source>
      <translation>Cancel the whole sale, with a reason (整单取消)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="257" />
      <source>Detach the member</source>
      <translation>Detach the member</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="258" />
      <source>Price check (查价), nothing added</source>
      <translation>Price check (查价), nothing added</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="259" />
      <source>Reprint the last receipt (supervisor)</source>
      <translation>Reprint the last receipt (supervisor)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="260" />
      <source>Open the cash drawer, no sale (a reason)</source>
      <translation>Open the cash drawer, no sale (a reason)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="261" />
      <source>Manual discount on the line or the sale (supervisor)</source>
      <translation>Manual discount on the line or the sale (supervisor)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="293" />
      <source>Scan or type a barcode / SKU, Enter</source>
      <translation>Scan or type a barcode / SKU, Enter</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="321" />
      <source>List price</source>
      <translation>List price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="325" />
      <source>To pay</source>
      <translation>To pay</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="336" />
      <source>Member (card or phone)</source>
      <translation>Member (card or phone)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="339" />
      <source>Swipe / tap / insert, or type card or phone</source>
      <translation>Swipe / tap / insert, or type card or phone</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="342" />
      <source>No member</source>
      <translation>No member</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="352" />
      <source>Type or scan the coupon code</source>
      <translation>Type or scan the coupon code</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="361" />
      <source>Set qty</source>
      <translation>Set qty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="368" />
      <source>New unit price</source>
      <translation>New unit price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="370" />
      <source>Override</source>
      <translation>Override</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="374" />
      <source>Void line</source>
      <translation>Void line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="378" />
      <source>Park</source>
      <translation>Park</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="381" />
      <source>Recall</source>
      <translation>Recall</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="384" />
      <source>Cancel sale</source>
      <translation>Cancel sale</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="387" />
      <source>Detach member</source>
      <translation>Detach member</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="392" />
      <source>Price check</source>
      <translation>Price check</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="395" />
      <source>Reprint</source>
      <translation>Reprint</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="398" />
      <source>Open drawer</source>
      <translation>Open drawer</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="405" />
      <source>Discount</source>
      <translation>Discount</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="503" />
      <source>Quantity must be 1 to %1</source>
      <translation>Quantity must be 1 to %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="551" />
      <source>At most %1 of one item</source>
      <translation>At most %1 of one item</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="573" />
      <source>Happy birthday, %1!</source>
      <translation>Happy birthday, %1!</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="588" />
      <source>Coupon %1 taken off</source>
      <translation>Coupon %1 taken off</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="608" />
      <source>Coupon %1 refused: %2</source>
      <translation>Coupon %1 refused: %2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="616" />
      <source>Coupon %1 applied: %2 off</source>
      <translation>Coupon %1 applied: %2 off</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="62" />
      <source>The customer does not want it</source>
      <translation>The customer does not want it</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="63" />
      <source>Scanned in error</source>
      <translation>Scanned in error</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="64" />
      <source>The customer is short of money</source>
      <translation>The customer is short of money</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="645" />
      <source>Void line %1: %2 × %3?</source>
      <translation>Void line %1: %2 × %3?</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="65" />
      <source>Price query</source>
      <translation>Price query</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="68" />
      <source>Change for a customer</source>
      <translation>Change for a customer</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="69" />
      <source>Counting the float</source>
      <translation>Counting the float</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="70" />
      <source>Cash taken to the safe</source>
      <translation>Cash taken to the safe</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="704" />
      <source>Line %1: %2</source>
      <translation>Line %1: %2</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="718" />
      <source>Manual discount %1折 applied</source>
      <translation>Manual discount %1折 applied</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="735" />
      <source>The cart is empty</source>
      <translation>The cart is empty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="737" />
      <source>a sale</source>
      <translation>a sale</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="762" />
      <source>Cart parked as no. %1 (%2 items, %3): Ctrl+Q recalls it</source>
      <translation>Cart parked as no. %1 (%2 items, %3): Ctrl+Q recalls it</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="775" />
      <source>Finish or park this sale first (Ctrl+G)</source>
      <translation>Finish or park this sale first (Ctrl+G)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="781" />
      <source>No cart is parked</source>
      <translation>No cart is parked</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="814" />
      <source>Parked cart no. %1 recalled</source>
      <translation>Parked cart no. %1 recalled</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="816" />
      <source>left out: %1</source>
      <translation>left out: %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="836" />
      <source>Cancel the whole sale: %1 items, %2?</source>
      <translation>Cancel the whole sale: %1 items, %2?</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="850" />
      <source>Sale cancelled: %1</source>
      <translation>Sale cancelled: %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="870" />
      <source>No member is attached</source>
      <translation>No member is attached</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="876" />
      <source>Member detached</source>
      <translation>Member detached</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="904" />
      <source>Receipt %1 reprinted</source>
      <translation>Receipt %1 reprinted</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="918" />
      <source>Open the cash drawer with no sale?</source>
      <translation>Open the cash drawer with no sale?</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="931" />
      <source>Drawer opened: %1</source>
      <translation>Drawer opened: %1</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="19" />
      <source>Please confirm</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="28" />
      <source>Keep</source>
      <translation>Keep</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="50" />
      <source>Choose or type the reason</source>
      <translation>Choose or type the reason</translation>
    </message>
    <message>
      <location filename="../confirm.py" line="61" />
      <source>Give the reason first</source>
      <translation>Give the reason first</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="111" />
      <source>Total %1</source>
      <translation>Total %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="114" />
      <source>You save %1</source>
      <translation>You save %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="118" />
      <source>Paid %1</source>
      <translation>Paid %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="119" />
      <source>Change %1</source>
      <translation>Change %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="43" />
      <source>Customer display</source>
      <translation>Customer display</translation>
    </message>
    <message>
      <location filename="../discount.py" line="42" />
      <source>Manual discount</source>
      <translation>Manual discount</translation>
    </message>
    <message>
      <location filename="../discount.py" line="49" />
      <source>In 折: 9 = 10% off, 8.5 = 15% off</source>
      <translation>In 折: 9 = 10% off, 8.5 = 15% off</translation>
    </message>
    <message>
      <location filename="../discount.py" line="50" />
      <source>Discount (折)</source>
      <translation>Discount (折)</translation>
    </message>
    <message>
      <location filename="../discount.py" line="51" />
      <source>The whole sale</source>
      <translation>The whole sale</translation>
    </message>
    <message>
      <location filename="../discount.py" line="60" />
      <source>Apply</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../discount.py" line="70" />
      <source>Give the discount in 折, from 1 to 9.9 (9 = 10% off)</source>
      <translation>Give the discount in 折, from 1 to 9.9 (9 = 10% off)</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="107" />
      <source>Change due</source>
      <translation>Change due</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="116" />
      <source>Next customer: scan the first item</source>
      <translation>Next customer: scan the first item</translation>
    </message>
    <message>
      <location filename="../feedback.py" line="177" />
      <source>Working…</source>
      <translation>Working…</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="151" />
      <source>Everywhere</source>
      <translation>Everywhere</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="156" />
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="159" />
      <source>Scanning works whatever field has focus.</source>
      <translation>Scanning works whatever field has focus.</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="86" />
      <source>Help (this overlay)</source>
      <translation>Help (this overlay)</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="88" />
      <source>Back / close</source>
      <translation>Back / close</translation>
    </message>
    <message>
      <location filename="../labels.py" line="12" />
      <source>Scanner</source>
      <translation>Scanner</translation>
    </message>
    <message>
      <location filename="../labels.py" line="13" />
      <source>Card reader</source>
      <translation>Card reader</translation>
    </message>
    <message>
      <location filename="../labels.py" line="14" />
      <source>Receipt printer</source>
      <translation>Receipt printer</translation>
    </message>
    <message>
      <location filename="../labels.py" line="15" />
      <source>Pole display</source>
      <translation>Pole display</translation>
    </message>
    <message>
      <location filename="../labels.py" line="16" />
      <source>Cash drawer</source>
      <translation>Cash drawer</translation>
    </message>
    <message>
      <location filename="../labels.py" line="19" />
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <location filename="../labels.py" line="19" />
      <source>degraded</source>
      <translation>degraded</translation>
    </message>
    <message>
      <location filename="../labels.py" line="21" />
      <source>member price</source>
      <translation>member price</translation>
    </message>
    <message>
      <location filename="../labels.py" line="22" />
      <source>promotion</source>
      <translation>promotion</translation>
    </message>
    <message>
      <location filename="../labels.py" line="23" />
      <source>tier</source>
      <translation>tier</translation>
    </message>
    <message>
      <location filename="../labels.py" line="24" />
      <source>spend &amp; get off</source>
      <translation>spend &amp; get off</translation>
    </message>
    <message>
      <location filename="../labels.py" line="25" />
      <source>coupon</source>
      <translation>coupon</translation>
    </message>
    <message>
      <location filename="../labels.py" line="26" />
      <source>stored-value pay discount</source>
      <translation>stored-value pay discount</translation>
    </message>
    <message>
      <location filename="../login.py" line="21" />
      <source>Log in</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../login.py" line="43" />
      <source>Store terminal</source>
      <translation>Store terminal</translation>
    </message>
    <message>
      <location filename="../login.py" line="44" />
      <source>Store %1 · terminal %2</source>
      <translation>Store %1 · terminal %2</translation>
    </message>
    <message>
      <location filename="../login.py" line="49" />
      <source>e.g. 1001</source>
      <translation>e.g. 1001</translation>
    </message>
    <message>
      <location filename="../login.py" line="53" />
      <source>Staff code</source>
      <translation>Staff code</translation>
    </message>
    <message>
      <location filename="../login.py" line="82" />
      <source>Enter your staff code and PIN</source>
      <translation>Enter your staff code and PIN</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="110" />
      <source>To pay: %1</source>
      <translation>To pay: %1</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="121" />
      <source>This purchase reaches %1: give the buyer's name and ID number</source>
      <translation>This purchase reaches %1: give the buyer's name and ID number</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="46" />
      <source>Sell cards</source>
      <translation>Sell cards</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="53" />
      <source>%1 from card %2: face %3, lowest %4 with a supervisor's approval</source>
      <translation>%1 from card %2: face %3, lowest %4 with a supervisor's approval</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="63" />
      <source>Number of cards</source>
      <translation>Number of cards</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="66" />
      <source>Empty: at face; in 折: 8 = 80% of face</source>
      <translation>Empty: at face; in 折: 8 = 80% of face</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="72" />
      <source>Paid by</source>
      <translation>Paid by</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="77" />
      <source>Buyer's name</source>
      <translation>Buyer's name</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="78" />
      <source>Buyer's ID number</source>
      <translation>Buyer's ID number</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="80" />
      <source>A purchase of %1 or more keeps the buyer's name and ID number</source>
      <translation>A purchase of %1 or more keeps the buyer's name and ID number</translation>
    </message>
    <message>
      <location filename="../members/card_sale.py" line="92" />
      <source>Sell</source>
      <translation>Sell</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="14" />
      <source>barcode card</source>
      <translation>barcode card</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="15" />
      <source>magnetic stripe (swipe)</source>
      <translation>magnetic stripe (swipe)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="16" />
      <source>chip card (insert)</source>
      <translation>chip card (insert)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="17" />
      <source>contactless (tap)</source>
      <translation>contactless (tap)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="18" />
      <source>virtual card</source>
      <translation>virtual card</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="34" />
      <source>Next number in sequence</source>
      <translation>Next number in sequence</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="35" />
      <source>Present a card (swipe / tap / insert)</source>
      <translation>Present a card (swipe / tap / insert)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="61" />
      <source>Present the card first</source>
      <translation>Present the card first</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="104" />
      <source>Block card %1 as lost? It cannot pay or earn until replaced.</source>
      <translation>Block card %1 as lost? It cannot pay or earn until replaced.</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="105" />
      <source>Block card</source>
      <translation>Block card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="126" />
      <source>New card %1 carries the balance</source>
      <translation>New card %1 carries the balance</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="158" />
      <source>Supplementary card %1 issued</source>
      <translation>Supplementary card %1 issued</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="31" />
      <source>Cards</source>
      <translation>Cards</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="38" />
      <source>Block lost card</source>
      <translation>Block lost card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="42" />
      <source>Replace blocked card (supervisor)</source>
      <translation>Replace blocked card (supervisor)</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="46" />
      <source>Write chip</source>
      <translation>Write chip</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="48" />
      <source>Write the card number and the holder's check to the chip of the card shown</source>
      <translation>Write the card number and the holder's check to the chip of the card shown</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="55" />
      <source>New or supplementary card</source>
      <translation>New or supplementary card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="62" />
      <source>no limit</source>
      <translation>no limit</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="66" />
      <source>Holder name</source>
      <translation>Holder name</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="67" />
      <source>Limit per sale</source>
      <translation>Limit per sale</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="68" />
      <source>Limit per day</source>
      <translation>Limit per day</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="70" />
      <source>Issue supplementary card</source>
      <translation>Issue supplementary card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="98" />
      <source>Card %1 is blocked</source>
      <translation>Card %1 is blocked</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="106" />
      <source>No card on the reader: tap card %1 and write again</source>
      <translation>No card on the reader: tap card %1 and write again</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="108" />
      <source>No card in the reader: insert card %1 and write again</source>
      <translation>No card in the reader: insert card %1 and write again</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="111" />
      <source>This is not card %1: its chip belongs to another card. Present card %1 and write again</source>
      <translation>This is not card %1: its chip belongs to another card. Present card %1 and write again</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="114" />
      <source>The chip was not written (%1): keep the card still and write again</source>
      <translation>The chip was not written (%1): keep the card still and write again</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="117" />
      <source>The card reader is not available (%1)</source>
      <translation>The card reader is not available (%1)</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="43" />
      <source>Write the chip</source>
      <translation>Write the chip</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="47" />
      <source>Tap card %1 on the card reader and hold it there</source>
      <translation>Tap card %1 on the card reader and hold it there</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="48" />
      <source>Insert card %1 into the chip card reader</source>
      <translation>Insert card %1 into the chip card reader</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="49" />
      <source>The card number and the holder's check are written to its chip.</source>
      <translation>The card number and the holder's check are written to its chip.</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="60" />
      <source>Write again</source>
      <translation>Write again</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="63" />
      <source>Not now</source>
      <translation>Not now</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="76" />
      <source>Writing… waiting for the card</source>
      <translation>Writing… waiting for the card</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="90" />
      <source>Written: the chip of card %1 carries its holder</source>
      <translation>Written: the chip of card %1 carries its holder</translation>
    </message>
    <message>
      <location filename="../members/chip_write.py" line="93" />
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="108" />
      <source>The customer must agree to the privacy notice</source>
      <translation>The customer must agree to the privacy notice</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="116" />
      <source>Birthday: YYYY-MM-DD</source>
      <translation>Birthday: YYYY-MM-DD</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="146" />
      <source>Enrolled: card %1</source>
      <translation>Enrolled: card %1</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="25" />
      <source>Enroll</source>
      <translation>Enroll</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="37" />
      <source>YYYY-MM-DD (optional)</source>
      <translation>YYYY-MM-DD (optional)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="39" />
      <source>not given</source>
      <translation>not given</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="40" />
      <source>female</source>
      <translation>female</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="41" />
      <source>male</source>
      <translation>male</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="46" />
      <source>Postal address (optional)</source>
      <translation>Postal address (optional)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="49" />
      <source>Resident ID (optional; needed for large top-ups)</source>
      <translation>Resident ID (optional; needed for large top-ups)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="50" />
      <source>The customer agrees to the privacy notice (required)</source>
      <translation>The customer agrees to the privacy notice (required)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="52" />
      <source>Accepts promotion messages</source>
      <translation>Accepts promotion messages</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="59" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="60" />
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="61" />
      <source>Birthday</source>
      <translation>Birthday</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="62" />
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="63" />
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="64" />
      <source>ID number</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="65" />
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="68" />
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="110" />
      <source>%1 of %2 rows have problems</source>
      <translation>%1 of %2 rows have problems</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="113" />
      <source>All %1 rows can be enrolled</source>
      <translation>All %1 rows can be enrolled</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="132" />
      <source>%1: %2 enrolled, %3 left out</source>
      <translation>%1: %2 enrolled, %3 left out</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="138" />
      <source>%1 of %2 rows have problems: nobody was enrolled. Tick the box to enroll only the good rows.</source>
      <translation>%1 of %2 rows have problems: nobody was enrolled. Tick the box to enroll only the good rows.</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="148" />
      <source>Card %1</source>
      <translation>Card %1</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="152" />
      <source>Good</source>
      <translation>Good</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="34" />
      <source>Group enrollment</source>
      <translation>Group enrollment</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="43" />
      <source>The organisation the staff come from</source>
      <translation>The organisation the staff come from</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="44" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="48" />
      <source>A .csv or .xlsx file: name, phone, ID number...</source>
      <translation>A .csv or .xlsx file: name, phone, ID number...</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="50" />
      <source>Choose...</source>
      <translation>Choose...</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="53" />
      <source>Check the file</source>
      <translation>Check the file</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="57" />
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="60" />
      <source>The terminal's next card numbers</source>
      <translation>The terminal's next card numbers</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="64" />
      <source>Card numbers</source>
      <translation>Card numbers</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="68" />
      <source>Row</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="68" />
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="76" />
      <source>Enroll only the good rows and leave the others</source>
      <translation>Enroll only the good rows and leave the others</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="79" />
      <source>Enroll the group</source>
      <translation>Enroll the group</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="86" />
      <source>Group file</source>
      <translation>Group file</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="86" />
      <source>Group files (*.csv *.xlsx)</source>
      <translation>Group files (*.csv *.xlsx)</translation>
    </message>
    <message>
      <location filename="../members/group.py" line="94" />
      <source>Choose the group's file first</source>
      <translation>Choose the group's file first</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="106" />
      <source>Tier is now %1</source>
      <translation>Tier is now %1</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="37" />
      <source>sale</source>
      <translation>sale</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="45" />
      <source>Tier changes</source>
      <translation>Tier changes</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="47" />
      <source>Recent sales</source>
      <translation>Recent sales</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="49" />
      <source>Top-ups</source>
      <translation>Top-ups</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="56" />
      <source>Tier and history</source>
      <translation>Tier and history</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="76" />
      <source>Reason (e.g. competitor's VIP card honoured)</source>
      <translation>Reason (e.g. competitor's VIP card honoured)</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="77" />
      <source>Set tier (manager)</source>
      <translation>Set tier (manager)</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="95" />
      <source>Give the reason for the tier change</source>
      <translation>Give the reason for the tier change</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="186" />
      <source>card</source>
      <translation>card</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="189" />
      <source>chip not written</source>
      <translation>chip not written</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="193" />
      <source>The chip of card %1 is not written yet: Cards tab, Write chip</source>
      <translation>The chip of card %1 is not written yet: Cards tab, Write chip</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="219" />
      <source>Chip of card %1 written</source>
      <translation>Chip of card %1 written</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="45" />
      <source>Members</source>
      <translation>Members</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="46" />
      <source>Member counter</source>
      <translation>Member counter</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="49" />
      <source>Do the action of the open tab</source>
      <translation>Do the action of the open tab</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="19" />
      <source>Services &amp; gifts</source>
      <translation>Services &amp; gifts</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="26" />
      <source>Services</source>
      <translation>Services</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="33" />
      <source>Staff code of who served (default: you)</source>
      <translation>Staff code of who served (default: you)</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="34" />
      <source>Service</source>
      <translation>Service</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="35" />
      <source>Served by</source>
      <translation>Served by</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="36" />
      <source>Record the use</source>
      <translation>Record the use</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="44" />
      <source>points</source>
      <translation>points</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="45" />
      <source>Gift for points</source>
      <translation>Gift for points</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="46" />
      <source>Give the gift for points</source>
      <translation>Give the gift for points</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="56" />
      <source>No services</source>
      <translation>No services</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="72" />
      <source>Recorded: %1</source>
      <translation>Recorded: %1</translation>
    </message>
    <message>
      <location filename="../members/services.py" line="87" />
      <source>Gift given: %1; %2 points left</source>
      <translation>Gift given: %1; %2 points left</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="102" />
      <source>Choose a card in stock first</source>
      <translation>Choose a card in stock first</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="136" />
      <source>a card sale</source>
      <translation>a card sale</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="176" />
      <source>Card given: %1</source>
      <translation>Card given: %1</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="183" />
      <source>Card sold: %1</source>
      <translation>Card sold: %1</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="34" />
      <source>Card stock</source>
      <translation>Card stock</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="47" />
      <source>Issue this card</source>
      <translation>Issue this card</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="51" />
      <source>Sell this card at face (cash)</source>
      <translation>Sell this card at face (cash)</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="57" />
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="61" />
      <source>Sell on terms...</source>
      <translation>Sell on terms...</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="65" />
      <source>Give by the spending rule</source>
      <translation>Give by the spending rule</translation>
    </message>
    <message>
      <location filename="../members/stock.py" line="89" />
      <source>No cards registered to this store</source>
      <translation>No cards registered to this store</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="109" />
      <source>a top-up</source>
      <translation>a top-up</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="120" />
      <source>Topped up: balance %1</source>
      <translation>Topped up: balance %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Cash</source>
      <translation>Cash</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Bank card</source>
      <translation>Bank card</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="22" />
      <source>Other</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="26" />
      <source>Top up</source>
      <translation>Top up</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="38" />
      <source>Slip / voucher reference</source>
      <translation>Slip / voucher reference</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="42" />
      <source>from %1 +%2</source>
      <translation>from %1 +%2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="49" />
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="52" />
      <source>Bonus ladder</source>
      <translation>Bonus ladder</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="53" />
      <source>Preview</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="66" />
      <source>Find a member, then enter an amount</source>
      <translation>Find a member, then enter an amount</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="81" />
      <source>Bonus: %1</source>
      <translation>Bonus: %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="82" />
      <source>Balance after: %1</source>
      <translation>Balance after: %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="83" />
      <source>Card cap %1; at most %2 more can be added</source>
      <translation>Card cap %1; at most %2 more can be added</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="88" />
      <source>Over the cap: this top-up will be refused</source>
      <translation>Over the cap: this top-up will be refused</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="90" />
      <source>Real-name purchase: the holder's ID number must be on file</source>
      <translation>Real-name purchase: the holder's ID number must be on file</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Enter</source>
      <translation>Enter</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Delete the last digit</source>
      <translation>Delete the last digit</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Clear</source>
      <translation>Clear</translation>
    </message>
    <message>
      <location filename="../operations/returns.py" line="43" />
      <source>%1 is a refund; give the original sale</source>
      <translation>%1 is a refund; give the original sale</translation>
    </message>
    <message>
      <location filename="../parked.py" line="18" />
      <source>Recall a parked cart</source>
      <translation>Recall a parked cart</translation>
    </message>
    <message>
      <location filename="../parked.py" line="22" />
      <source>Parked carts: choose one and press Enter</source>
      <translation>Parked carts: choose one and press Enter</translation>
    </message>
    <message>
      <location filename="../parked.py" line="30" />
      <source>no member</source>
      <translation>no member</translation>
    </message>
    <message>
      <location filename="../parked.py" line="32" />
      <source>No. %1 · %2 · by %3 · %4 · %5 items · %6</source>
      <translation>No. %1 · %2 · by %3 · %4 · %5 items · %6</translation>
    </message>
    <message>
      <location filename="../payment.py" line="122" />
      <source>Staff code of the assistant (optional)</source>
      <translation>Staff code of the assistant (optional)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="125" />
      <source>Tenders</source>
      <translation>Tenders</translation>
    </message>
    <message>
      <location filename="../payment.py" line="134" />
      <source>Credited to</source>
      <translation>Credited to</translation>
    </message>
    <message>
      <location filename="../payment.py" line="144" />
      <source>No gift for points</source>
      <translation>No gift for points</translation>
    </message>
    <message>
      <location filename="../payment.py" line="153" />
      <source>Membership offered to the customer</source>
      <translation>Membership offered to the customer</translation>
    </message>
    <message>
      <location filename="../payment.py" line="161" />
      <source>Amount (empty: the rest)</source>
      <translation>Amount (empty: the rest)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="171" />
      <source>Present the member card, or type its number</source>
      <translation>Present the member card, or type its number</translation>
    </message>
    <message>
      <location filename="../payment.py" line="181" />
      <source>Member card</source>
      <translation>Member card</translation>
    </message>
    <message>
      <location filename="../payment.py" line="195" />
      <source>Remove last</source>
      <translation>Remove last</translation>
    </message>
    <message>
      <location filename="../payment.py" line="204" />
      <source>Back</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../payment.py" line="206" />
      <source>Complete</source>
      <translation>Complete</translation>
    </message>
    <message>
      <location filename="../payment.py" line="242" />
      <source>Member %1: %2 points (up to %3 usable here), stored value %4</source>
      <translation>Member %1: %2 points (up to %3 usable here), stored value %4</translation>
    </message>
    <message>
      <location filename="../payment.py" line="249" />
      <source>No member: points and stored value need a member</source>
      <translation>No member: points and stored value need a member</translation>
    </message>
    <message>
      <location filename="../payment.py" line="253" />
      <source>Paid wholly from stored value: %1 (saves %2)</source>
      <translation>Paid wholly from stored value: %1 (saves %2)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="285" />
      <source>Gift: %1 (value %2)</source>
      <translation>Gift: %1 (value %2)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="288" />
      <source>No gift for %1: out of stock</source>
      <translation>No gift for %1: out of stock</translation>
    </message>
    <message>
      <location filename="../payment.py" line="313" />
      <source>%1 (value %2)</source>
      <translation>%1 (value %2)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="318" />
      <source>Gift of %1</source>
      <translation>Gift of %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="356" />
      <source>Scanned %1: take back the tenders (Ctrl+R) or go back to the cart (Esc) to add goods</source>
      <translation>Scanned %1: take back the tenders (Ctrl+R) or go back to the cart (Esc) to add goods</translation>
    </message>
    <message>
      <location filename="../payment.py" line="428" />
      <source>The stored-value pay discount (%1) is lost: %2 pays part of this sale, and the discount applies only when stored value pays all but points</source>
      <translation>The stored-value pay discount (%1) is lost: %2 pays part of this sale, and the discount applies only when stored value pays all but points</translation>
    </message>
    <message>
      <location filename="../payment.py" line="460" />
      <source>Still due: %1</source>
      <translation>Still due: %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="462" />
      <source>Change: %1</source>
      <translation>Change: %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="473" />
      <source>Nothing is left to pay</source>
      <translation>Nothing is left to pay</translation>
    </message>
    <message>
      <location filename="../payment.py" line="478" />
      <source>No points can pay this sale: %1</source>
      <translation>No points can pay this sale: %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="488" />
      <source>Present the member card (swipe, tap or insert)</source>
      <translation>Present the member card (swipe, tap or insert)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="509" />
      <source>Enter the bank-card slip reference</source>
      <translation>Enter the bank-card slip reference</translation>
    </message>
    <message>
      <location filename="../payment.py" line="525" />
      <source>The card may pay at most %1 of this sale: %2</source>
      <translation>The card may pay at most %1 of this sale: %2</translation>
    </message>
    <message>
      <location filename="../payment.py" line="537" />
      <source>%1 points held; points may pay at most %2 of this sale</source>
      <translation>%1 points held; points may pay at most %2 of this sale</translation>
    </message>
    <message>
      <location filename="../payment.py" line="560" />
      <source>This card belongs to another member</source>
      <translation>This card belongs to another member</translation>
    </message>
    <message>
      <location filename="../payment.py" line="582" />
      <source>Not paid yet: %1 still due</source>
      <translation>Not paid yet: %1 still due</translation>
    </message>
    <message>
      <location filename="../payment.py" line="60" />
      <source>Payment</source>
      <translation>Payment</translation>
    </message>
    <message>
      <location filename="../payment.py" line="63" />
      <source>Pay with points</source>
      <translation>Pay with points</translation>
    </message>
    <message>
      <location filename="../payment.py" line="64" />
      <source>Pay with stored value (card presented)</source>
      <translation>Pay with stored value (card presented)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="66" />
      <source>Bank card (reference)</source>
      <translation>Bank card (reference)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="67" />
      <source>Other tender</source>
      <translation>Other tender</translation>
    </message>
    <message>
      <location filename="../payment.py" line="68" />
      <source>Remove the last tender</source>
      <translation>Remove the last tender</translation>
    </message>
    <message>
      <location filename="../payment.py" line="69" />
      <source>Complete the sale</source>
      <translation>Complete the sale</translation>
    </message>
    <message>
      <location filename="../payment.py" line="98" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="26" />
      <source>Scan or type the item (nothing is added to the cart)</source>
      <translation>Scan or type the item (nothing is added to the cart)</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="36" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="59" />
      <source>Member price</source>
      <translation>Member price</translation>
    </message>
    <message>
      <location filename="../price_check.py" line="62" />
      <source>Price now</source>
      <translation>Price now</translation>
    </message>
    <message>
      <location filename="../returns.py" line="160" />
      <source>Refunded %1 as %2</source>
      <translation>Refunded %1 as %2</translation>
    </message>
    <message>
      <location filename="../returns.py" line="160" />
      <source>Will refund %1</source>
      <translation>Will refund %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="164" />
      <source>(%1 points back)</source>
      <translation>(%1 points back)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="167" />
      <source>Points taken back: %1</source>
      <translation>Points taken back: %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="169" />
      <source>The coupon can be used again</source>
      <translation>The coupon can be used again</translation>
    </message>
    <message>
      <location filename="../returns.py" line="178" />
      <source>Choose the lines to return</source>
      <translation>Choose the lines to return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="183" />
      <source>a refund</source>
      <translation>a refund</translation>
    </message>
    <message>
      <location filename="../returns.py" line="202" />
      <source>Refund %1 done</source>
      <translation>Refund %1 done</translation>
    </message>
    <message>
      <location filename="../returns.py" line="40" />
      <source>Returns</source>
      <translation>Returns</translation>
    </message>
    <message>
      <location filename="../returns.py" line="43" />
      <source>Receipt number (or scan the receipt's QR code)</source>
      <translation>Receipt number (or scan the receipt's QR code)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="44" />
      <source>Preview what goes back</source>
      <translation>Preview what goes back</translation>
    </message>
    <message>
      <location filename="../returns.py" line="45" />
      <source>Refund (supervisor)</source>
      <translation>Refund (supervisor)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="57" />
      <source>Receipt number, or scan the receipt's QR code</source>
      <translation>Receipt number, or scan the receipt's QR code</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Return</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Sold</source>
      <translation>Sold</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Qty to return</source>
      <translation>Qty to return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="70" />
      <source>Paid</source>
      <translation>Paid</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Refund</source>
      <translation>Refund</translation>
    </message>
    <message>
      <location filename="../shift.py" line="148" />
      <source>Shift</source>
      <translation>Shift</translation>
    </message>
    <message>
      <location filename="../shift.py" line="151" />
      <source>Open the shift with the cash float (supervisor)</source>
      <translation>Open the shift with the cash float (supervisor)</translation>
    </message>
    <message>
      <location filename="../shift.py" line="152" />
      <source>X report</source>
      <translation>X report</translation>
    </message>
    <message>
      <location filename="../shift.py" line="153" />
      <source>Close with the cash count and Z report (supervisor)</source>
      <translation>Close with the cash count and Z report (supervisor)</translation>
    </message>
    <message>
      <location filename="../shift.py" line="169" />
      <source>Cash counted</source>
      <translation>Cash counted</translation>
    </message>
    <message>
      <location filename="../shift.py" line="178" />
      <source>Close shift, Z report</source>
      <translation>Close shift, Z report</translation>
    </message>
    <message>
      <location filename="../shift.py" line="219" />
      <source>Shift %1 open since %2 by %3, float %4</source>
      <translation>Shift %1 open since %2 by %3, float %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="243" />
      <source>Shift %1 opened</source>
      <translation>Shift %1 opened</translation>
    </message>
    <message>
      <location filename="../shift.py" line="277" />
      <source>Shift %1 closed; expected %2, counted %3, difference %4</source>
      <translation>Shift %1 closed; expected %2, counted %3, difference %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="71" />
      <source>No shift is open</source>
      <translation>No shift is open</translation>
    </message>
    <message>
      <location filename="../shift.py" line="74" />
      <source>No shift is open: %1 needs one. Open a shift now?</source>
      <translation>No shift is open: %1 needs one. Open a shift now?</translation>
    </message>
    <message>
      <location filename="../shift.py" line="80" />
      <source>Cash put in the drawer, e.g. 500</source>
      <translation>Cash put in the drawer, e.g. 500</translation>
    </message>
    <message>
      <location filename="../shift.py" line="81" />
      <source>Cash float</source>
      <translation>Cash float</translation>
    </message>
    <message>
      <location filename="../shift.py" line="88" />
      <source>Open shift</source>
      <translation>Open shift</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="179" />
      <source>Day %1</source>
      <translation>Day %1</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="181" />
      <source>Month %1 (%2 to %3)</source>
      <translation>Month %1 (%2 to %3)</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="183" />
      <source>%1 staff with figures</source>
      <translation>%1 staff with figures</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="200" />
      <source>No sales, enrollments or commission in this period</source>
      <translation>No sales, enrollments or commission in this period</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="35" />
      <source>Staff</source>
      <translation>Staff</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="37" />
      <source>Sales ¥</source>
      <translation>Sales ¥</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="38" />
      <source>Orders</source>
      <translation>Orders</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="39" />
      <source>VIP share</source>
      <translation>VIP share</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="40" />
      <source>Enrollments</source>
      <translation>Enrollments</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="41" />
      <source>Commission ¥</source>
      <translation>Commission ¥</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="42" />
      <source>Not credited</source>
      <translation>Not credited</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="63" />
      <source>Back office (command line, no staff code)</source>
      <translation>Back office (command line, no staff code)</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="72" />
      <source>Staff performance</source>
      <translation>Staff performance</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="76" />
      <source>The report for a day</source>
      <translation>The report for a day</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="77" />
      <source>The report for the month</source>
      <translation>The report for the month</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="78" />
      <source>Read the figures again</source>
      <translation>Read the figures again</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="87" />
      <source>Day</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../staff_report.py" line="89" />
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../status.py" line="36" />
      <source>not registered with an HQ</source>
      <translation>not registered with an HQ</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>balance slip</source>
      <extracomment>action.balance_slip</extracomment>
      <translation>balance slip</translation>
    </message>
    <message>
      <source>bind card</source>
      <extracomment>action.bind_card</extracomment>
      <translation>bind card</translation>
    </message>
    <message>
      <source>block card</source>
      <extracomment>action.block_card</extracomment>
      <translation>block card</translation>
    </message>
    <message>
      <source>card batch</source>
      <extracomment>action.card_batch</extracomment>
      <translation>card batch</translation>
    </message>
    <message>
      <source>card expiry</source>
      <extracomment>action.card_expire</extracomment>
      <translation>card expiry</translation>
    </message>
    <message>
      <source>card given by a spending rule</source>
      <extracomment>action.card_grant</extracomment>
      <translation>card given by a spending rule</translation>
    </message>
    <message>
      <source>card receive</source>
      <extracomment>action.card_receive</extracomment>
      <translation>card receive</translation>
    </message>
    <message>
      <source>unused card taken back</source>
      <extracomment>action.card_return</extracomment>
      <translation>unused card taken back</translation>
    </message>
    <message>
      <source>card sale</source>
      <extracomment>action.card_sale</extracomment>
      <translation>card sale</translation>
    </message>
    <message>
      <source>card sale below face</source>
      <extracomment>action.card_sale_discount</extracomment>
      <translation>card sale below face</translation>
    </message>
    <message>
      <source>card stock</source>
      <extracomment>action.card_stock</extracomment>
      <translation>card stock</translation>
    </message>
    <message>
      <source>catalog import</source>
      <extracomment>action.catalog_import</extracomment>
      <translation>catalog import</translation>
    </message>
    <message>
      <source>chip holder data</source>
      <extracomment>action.chip_data</extracomment>
      <translation>chip holder data</translation>
    </message>
    <message>
      <source>close shift</source>
      <extracomment>action.close_shift</extracomment>
      <translation>close shift</translation>
    </message>
    <message>
      <source>enroll</source>
      <extracomment>action.enroll</extracomment>
      <translation>enroll</translation>
    </message>
    <message>
      <source>service grant</source>
      <extracomment>action.entitlement_grant</extracomment>
      <translation>service grant</translation>
    </message>
    <message>
      <source>service use</source>
      <extracomment>action.entitlement_use</extracomment>
      <translation>service use</translation>
    </message>
    <message>
      <source>gift for points</source>
      <extracomment>action.gift_redeem</extracomment>
      <translation>gift for points</translation>
    </message>
    <message>
      <source>gift stock change</source>
      <extracomment>action.gift_stock</extracomment>
      <translation>gift stock change</translation>
    </message>
    <message>
      <source>gift stock view</source>
      <extracomment>action.gift_view</extracomment>
      <translation>gift stock view</translation>
    </message>
    <message>
      <source>group enrollment</source>
      <extracomment>action.group_enroll</extracomment>
      <translation>group enrollment</translation>
    </message>
    <message>
      <source>manage staff</source>
      <extracomment>action.manage_staff</extracomment>
      <translation>manage staff</translation>
    </message>
    <message>
      <source>manual discount</source>
      <extracomment>action.manual_discount</extracomment>
      <translation>manual discount</translation>
    </message>
    <message>
      <source>open shift</source>
      <extracomment>action.open_shift</extracomment>
      <translation>open shift</translation>
    </message>
    <message>
      <source>points transfer</source>
      <extracomment>action.points_transfer</extracomment>
      <translation>points transfer</translation>
    </message>
    <message>
      <source>price override</source>
      <extracomment>action.price_override</extracomment>
      <translation>price override</translation>
    </message>
    <message>
      <source>refund</source>
      <extracomment>action.refund</extracomment>
      <translation>refund</translation>
    </message>
    <message>
      <source>replace card</source>
      <extracomment>action.replace_card</extracomment>
      <translation>replace card</translation>
    </message>
    <message>
      <source>reprint</source>
      <extracomment>action.reprint</extracomment>
      <translation>reprint</translation>
    </message>
    <message>
      <source>sale</source>
      <extracomment>action.sale</extracomment>
      <translation>sale</translation>
    </message>
    <message>
      <source>staff report</source>
      <extracomment>action.staff_report</extracomment>
      <translation>staff report</translation>
    </message>
    <message>
      <source>tier review</source>
      <extracomment>action.tier_review</extracomment>
      <translation>tier review</translation>
    </message>
    <message>
      <source>top-up</source>
      <extracomment>action.topup</extracomment>
      <translation>top-up</translation>
    </message>
    <message>
      <source>void after payment</source>
      <extracomment>action.void_after_payment</extracomment>
      <translation>void after payment</translation>
    </message>
    <message>
      <source>void line</source>
      <extracomment>action.void_line</extracomment>
      <translation>void line</translation>
    </message>
    <message>
      <source>{path} is damaged (integrity check: {detail}); nothing was changed</source>
      <extracomment>backup.damaged</extracomment>
      <translation>{path} is damaged (integrity check: {detail}); nothing was changed</translation>
    </message>
    <message>
      <source>keep at least one backup</source>
      <extracomment>backup.keep_one</extracomment>
      <translation>keep at least one backup</translation>
    </message>
    <message>
      <source>{detail}; nothing was changed (--force to restore anyway)</source>
      <extracomment>backup.key_problem</extracomment>
      <translation>{detail}; nothing was changed (--force to restore anyway)</translation>
    </message>
    <message>
      <source>that is the live ledger itself; give a backup file</source>
      <extracomment>backup.live_ledger</extracomment>
      <translation>that is the live ledger itself; give a backup file</translation>
    </message>
    <message>
      <source>{path} is not a terminal ledger (no {tables} table)</source>
      <extracomment>backup.missing_tables</extracomment>
      <translation>{path} is not a terminal ledger (no {tables} table)</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <extracomment>backup.no_file</extracomment>
      <translation>{path}: no such file</translation>
    </message>
    <message>
      <source>{path} is not a set-up terminal ledger (no terminal_info row)</source>
      <extracomment>backup.not_set_up</extracomment>
      <translation>{path} is not a set-up terminal ledger (no terminal_info row)</translation>
    </message>
    <message>
      <source>{path} is not a terminal ledger (not an SQLite database)</source>
      <extracomment>backup.not_sqlite</extracomment>
      <translation>{path} is not a terminal ledger (not an SQLite database)</translation>
    </message>
    <message>
      <source>{path} belongs to {theirs}, this data folder to {mine}; nothing was changed (--force to restore anyway)</source>
      <extracomment>backup.other_terminal</extracomment>
      <translation>{path} belongs to {theirs}, this data folder to {mine}; nothing was changed (--force to restore anyway)</translation>
    </message>
    <message>
      <source>could not restore into {path}: {detail} (stop the terminal app and services first)</source>
      <extracomment>backup.restore_failed</extracomment>
      <translation>could not restore into {path}: {detail} (stop the terminal app and services first)</translation>
    </message>
    <message>
      <source>the restored ledger failed its integrity check: {detail}</source>
      <extracomment>backup.restored_damaged</extracomment>
      <translation>the restored ledger failed its integrity check: {detail}</translation>
    </message>
    <message>
      <source>{path} has schema revision '{revision}', which this version of the terminal does not know (a backup from a newer version?); upgrade first</source>
      <extracomment>backup.unknown_revision</extracomment>
      <translation>{path} has schema revision '{revision}', which this version of the terminal does not know (a backup from a newer version?); upgrade first</translation>
    </message>
    <message>
      <source>{path} is not a readable terminal ledger: {detail}</source>
      <extracomment>backup.unreadable</extracomment>
      <translation>{path} is not a readable terminal ledger: {detail}</translation>
    </message>
    <message>
      <source>{count} of these cards are registered or issued already: {cards}</source>
      <extracomment>card.already_registered</extracomment>
      <translation>{count} of these cards are registered or issued already: {cards}</translation>
    </message>
    <message>
      <source>a batch holds 1 to {most} cards, got {count}</source>
      <extracomment>card.bad_count</extracomment>
      <translation>a batch holds 1 to {most} cards, got {count}</translation>
    </message>
    <message>
      <source>card {card} is {status}; it cannot become {to}</source>
      <extracomment>card.bad_move</extracomment>
      <translation>card {card} is {status}; it cannot become {to}</translation>
    </message>
    <message>
      <source>the delivery note is not readable: {detail}</source>
      <extracomment>card.bad_note</extracomment>
      <translation>the delivery note is not readable: {detail}</translation>
    </message>
    <message>
      <source>the first number of a batch is 7-31 digits without its check digit, got '{start}'</source>
      <extracomment>card.bad_start</extracomment>
      <translation>the first number of a batch is 7-31 digits without its check digit, got '{start}'</translation>
    </message>
    <message>
      <source>batch {batch} already holds numbers {first} to {last}</source>
      <extracomment>card.batch_overlaps</extracomment>
      <translation>batch {batch} already holds numbers {first} to {last}</translation>
    </message>
    <message>
      <source>card product {product} comes on {allowed}, not '{media}'</source>
      <extracomment>card.media_not_of_product</extracomment>
      <translation>card product {product} comes on {allowed}, not '{media}'</translation>
    </message>
    <message>
      <source>no batch {batch} on this terminal (receive it with its delivery note)</source>
      <extracomment>card.no_batch</extracomment>
      <translation>no batch {batch} on this terminal (receive it with its delivery note)</translation>
    </message>
    <message>
      <source>no card product '{product}' in the program (it has: {known})</source>
      <extracomment>card.no_product</extracomment>
      <translation>no card product '{product}' in the program (it has: {known})</translation>
    </message>
    <message>
      <source>card {card} is not in batch {batch}</source>
      <extracomment>card.not_in_batch</extracomment>
      <translation>card {card} is not in batch {batch}</translation>
    </message>
    <message>
      <source>card {card} is not registered to store {store}: it cannot be issued here</source>
      <extracomment>card.not_in_stock</extracomment>
      <translation>card {card} is not registered to store {store}: it cannot be issued here</translation>
    </message>
    <message>
      <source>card {card} was never registered to a store's stock</source>
      <extracomment>card.not_in_stock_anywhere</extracomment>
      <translation>card {card} was never registered to a store's stock</translation>
    </message>
    <message>
      <source>card {card} is {status}, not in stock: it cannot be issued</source>
      <extracomment>card.not_issuable</extracomment>
      <translation>card {card} is {status}, not in stock: it cannot be issued</translation>
    </message>
    <message>
      <source>card {card} is not a {product} card of this store's stock</source>
      <extracomment>card.not_of_product</extracomment>
      <translation>card {card} is not a {product} card of this store's stock</translation>
    </message>
    <message>
      <source>the numbers of card product {product} begin with {prefix}</source>
      <extracomment>card.prefix</extracomment>
      <translation>the numbers of card product {product} begin with {prefix}</translation>
    </message>
    <message>
      <source>the range {first} to {last} runs backwards</source>
      <extracomment>card.range_backwards</extracomment>
      <translation>the range {first} to {last} runs backwards</translation>
    </message>
    <message>
      <source>{count} numbers from {start} run past its number of digits</source>
      <extracomment>card.range_overflow</extracomment>
      <translation>{count} numbers from {start} run past its number of digits</translation>
    </message>
    <message>
      <source>no card of {product} left in this store's stock</source>
      <extracomment>card.stock_empty</extracomment>
      <translation>no card of {product} left in this store's stock</translation>
    </message>
    <message>
      <source>{count} {product} cards wanted; {left} left in this store's stock</source>
      <extracomment>card.stock_short</extracomment>
      <translation>{count} {product} cards wanted; {left} left in this store's stock</translation>
    </message>
    <message>
      <source>enrolled</source>
      <extracomment>cardmove.enrolled</extracomment>
      <translation>enrolled</translation>
    </message>
    <message>
      <source>validity ended</source>
      <extracomment>cardmove.expired</extracomment>
      <translation>validity ended</translation>
    </message>
    <message>
      <source>grant {no}</source>
      <extracomment>cardmove.grant</extracomment>
      <translation>grant {no}</translation>
    </message>
    <message>
      <source>lost</source>
      <extracomment>cardmove.lost</extracomment>
      <translation>lost</translation>
    </message>
    <message>
      <source>received from batch {batch}</source>
      <extracomment>cardmove.received</extracomment>
      <translation>received from batch {batch}</translation>
    </message>
    <message>
      <source>renewed by top-up</source>
      <extracomment>cardmove.renewed</extracomment>
      <translation>renewed by top-up</translation>
    </message>
    <message>
      <source>replaces {card}</source>
      <extracomment>cardmove.replaces</extracomment>
      <translation>replaces {card}</translation>
    </message>
    <message>
      <source>returned {no}</source>
      <extracomment>cardmove.returned</extracomment>
      <translation>returned {no}</translation>
    </message>
    <message>
      <source>sale {no}</source>
      <extracomment>cardmove.sale</extracomment>
      <translation>sale {no}</translation>
    </message>
    <message>
      <source>supplementary card</source>
      <extracomment>cardmove.supplementary</extracomment>
      <translation>supplementary card</translation>
    </message>
    <message>
      <source>card sale {sale} was returned already ({ret})</source>
      <extracomment>cardreturn.already</extracomment>
      <translation>card sale {sale} was returned already ({ret})</translation>
    </message>
    <message>
      <source>card {card} is {status}: it cannot be returned</source>
      <extracomment>cardreturn.card_not_active</extracomment>
      <translation>card {card} is {status}: it cannot be returned</translation>
    </message>
    <message>
      <source>{sale} gave a card by a spending rule: it was not sold and is not returned</source>
      <extracomment>cardreturn.granted</extracomment>
      <translation>{sale} gave a card by a spending rule: it was not sold and is not returned</translation>
    </message>
    <message>
      <source>no card sale {ref} at this terminal (give its receipt or a card of it)</source>
      <extracomment>cardreturn.no_sale</extracomment>
      <translation>no card sale {ref} at this terminal (give its receipt or a card of it)</translation>
    </message>
    <message>
      <source>cards of {product} are not taken back once sold</source>
      <extracomment>cardreturn.not_returnable</extracomment>
      <translation>cards of {product} are not taken back once sold</translation>
    </message>
    <message>
      <source>a service card {card} brought has been used: it cannot be returned</source>
      <extracomment>cardreturn.service_used</extracomment>
      <translation>a service card {card} brought has been used: it cannot be returned</translation>
    </message>
    <message>
      <source>card {card} has a supplementary card: it cannot be returned</source>
      <extracomment>cardreturn.supplementary</extracomment>
      <translation>card {card} has a supplementary card: it cannot be returned</translation>
    </message>
    <message>
      <source>card sale {sale} of {sold} is past the {days} day(s) within which its cards are taken back</source>
      <extracomment>cardreturn.too_late</extracomment>
      <translation>card sale {sale} of {sold} is past the {days} day(s) within which its cards are taken back</translation>
    </message>
    <message>
      <source>card {card} has been used (its stored value moved): it cannot be returned</source>
      <extracomment>cardreturn.used</extracomment>
      <translation>card {card} has been used (its stored value moved): it cannot be returned</translation>
    </message>
    <message>
      <source>a {product} card is anonymous: it takes no holder</source>
      <extracomment>cardsale.anonymous_holder</extracomment>
      <translation>a {product} card is anonymous: it takes no holder</translation>
    </message>
    <message>
      <source>one purchase takes 1 to {most} cards, got {count}</source>
      <extracomment>cardsale.bad_count</extracomment>
      <translation>one purchase takes 1 to {most} cards, got {count}</translation>
    </message>
    <message>
      <source>a card's price must be above zero and at most its face {face}, got {price}</source>
      <extracomment>cardsale.bad_price</extracomment>
      <translation>a card's price must be above zero and at most its face {face}, got {price}</translation>
    </message>
    <message>
      <source>{product} may be sold at {lowest} at the least, not {price}</source>
      <extracomment>cardsale.below_lowest</extracomment>
      <translation>{product} may be sold at {lowest} at the least, not {price}</translation>
    </message>
    <message>
      <source>the buyer's name goes with the buyer's ID number</source>
      <extracomment>cardsale.buyer_name</extracomment>
      <translation>the buyer's name goes with the buyer's ID number</translation>
    </message>
    <message>
      <source>the member was given a {product} card this year ({sale})</source>
      <extracomment>cardsale.granted_already</extracomment>
      <translation>the member was given a {product} card this year ({sale})</translation>
    </message>
    <message>
      <source>a {product} card is registered: sell one card at a time to its holder (--holder card or phone)</source>
      <extracomment>cardsale.needs_holder</extracomment>
      <translation>a {product} card is registered: sell one card at a time to its holder (--holder card or phone)</translation>
    </message>
    <message>
      <source>card product {product} is not given by a spending rule</source>
      <extracomment>cardsale.not_granted</extracomment>
      <translation>card product {product} is not given by a spending rule</translation>
    </message>
    <message>
      <source>a purchase of cards of {amount} reaches the real-name threshold {threshold}: give the buyer's name and ID number</source>
      <extracomment>cardsale.real_name</extracomment>
      <translation>a purchase of cards of {amount} reaches the real-name threshold {threshold}: give the buyer's name and ID number</translation>
    </message>
    <message>
      <source>the member spent {spent} in 12 months; {product} is given from {threshold}</source>
      <extracomment>cardsale.spend_short</extracomment>
      <translation>the member spent {spent} in 12 months; {product} is given from {threshold}</translation>
    </message>
    <message>
      <source>barcode '{barcode}' is not a valid EAN-13, EAN-8 or UPC-A</source>
      <extracomment>catalog.bad_barcode</extracomment>
      <translation>barcode '{barcode}' is not a valid EAN-13, EAN-8 or UPC-A</translation>
    </message>
    <message>
      <source>catalog file is not valid CSV at line {line}: {detail}</source>
      <extracomment>catalog.bad_csv</extracomment>
      <translation>catalog file is not valid CSV at line {line}: {detail}</translation>
    </message>
    <message>
      <source>{file}: not UTF-8 or GB18030 text</source>
      <extracomment>catalog.bad_encoding</extracomment>
      <translation>{file}: not UTF-8 or GB18030 text</translation>
    </message>
    <message>
      <source>member_discount must be yes or no, got '{value}'</source>
      <extracomment>catalog.bad_member_discount</extracomment>
      <translation>member_discount must be yes or no, got '{value}'</translation>
    </message>
    <message>
      <source>member_price '{price}' is not an amount in yuan</source>
      <extracomment>catalog.bad_member_price</extracomment>
      <translation>member_price '{price}' is not an amount in yuan</translation>
    </message>
    <message>
      <source>price '{price}' is not an amount in yuan</source>
      <extracomment>catalog.bad_price</extracomment>
      <translation>price '{price}' is not an amount in yuan</translation>
    </message>
    <message>
      <source>catalog not imported, {count} bad row(s) of {rows}{more}: {problems}</source>
      <extracomment>catalog.bad_rows</extracomment>
      <translation>catalog not imported, {count} bad row(s) of {rows}{more}: {problems}</translation>
    </message>
    <message>
      <source>barcode {barcode} repeats row {row}</source>
      <extracomment>catalog.barcode_repeats</extracomment>
      <translation>barcode {barcode} repeats row {row}</translation>
    </message>
    <message>
      <source>barcode {barcode} would belong to both {first} and {second}</source>
      <extracomment>catalog.barcode_two_skus</extracomment>
      <translation>barcode {barcode} would belong to both {first} and {second}</translation>
    </message>
    <message>
      <source>category must be 1-40 characters</source>
      <extracomment>catalog.category_length</extracomment>
      <translation>category must be 1-40 characters</translation>
    </message>
    <message>
      <source>the code holds control or direction characters (such as U+202E)</source>
      <extracomment>catalog.code_control_characters</extracomment>
      <translation>the code holds control or direction characters (such as U+202E)</translation>
    </message>
    <message>
      <source>{column} holds control or direction characters (such as U+202E); remove them</source>
      <extracomment>catalog.control_characters</extracomment>
      <translation>{column} holds control or direction characters (such as U+202E); remove them</translation>
    </message>
    <message>
      <source>catalog file is empty</source>
      <extracomment>catalog.empty</extracomment>
      <translation>catalog file is empty</translation>
    </message>
    <message>
      <source>member_price must be between 0 and the price</source>
      <extracomment>catalog.member_price_range</extracomment>
      <translation>member_price must be between 0 and the price</translation>
    </message>
    <message>
      <source>catalog header lacks column(s): {missing} (found: {found})</source>
      <extracomment>catalog.missing_columns</extracomment>
      <translation>catalog header lacks column(s): {missing} (found: {found})</translation>
    </message>
    <message>
      <source> (and {count} more)</source>
      <extracomment>catalog.more</extracomment>
      <translation> (and {count} more)</translation>
    </message>
    <message>
      <source>name must be 1-120 characters</source>
      <extracomment>catalog.name_length</extracomment>
      <translation>name must be 1-120 characters</translation>
    </message>
    <message>
      <source>catalog file has no items</source>
      <extracomment>catalog.no_items</extracomment>
      <translation>catalog file has no items</translation>
    </message>
    <message>
      <source>catalog file not found: {path}</source>
      <extracomment>catalog.not_found</extracomment>
      <translation>catalog file not found: {path}</translation>
    </message>
    <message>
      <source>price is negative</source>
      <extracomment>catalog.price_negative</extracomment>
      <translation>price is negative</translation>
    </message>
    <message>
      <source>row {row}: {problems}</source>
      <extracomment>catalog.row</extracomment>
      <translation>row {row}: {problems}</translation>
    </message>
    <message>
      <source>row {row}: {fields} fields, expected {expected}</source>
      <extracomment>catalog.row_fields</extracomment>
      <translation>row {row}: {fields} fields, expected {expected}</translation>
    </message>
    <message>
      <source>sku '{sku}' has digits of another script; use 0-9</source>
      <extracomment>catalog.sku_digits</extracomment>
      <translation>sku '{sku}' has digits of another script; use 0-9</translation>
    </message>
    <message>
      <source>sku must be 1-40 characters</source>
      <extracomment>catalog.sku_length</extracomment>
      <translation>sku must be 1-40 characters</translation>
    </message>
    <message>
      <source>sku {sku} repeats row {row}</source>
      <extracomment>catalog.sku_repeats</extracomment>
      <translation>sku {sku} repeats row {row}</translation>
    </message>
    <message>
      <source>the chip of card {card} does not match its holder: refused</source>
      <extracomment>chip.bad_check</extracomment>
      <translation>the chip of card {card} does not match its holder: refused</translation>
    </message>
    <message>
      <source>the card reader: {detail}</source>
      <extracomment>chip.device</extracomment>
      <translation>the card reader: {detail}</translation>
    </message>
    <message>
      <source>the chip carries no holder record: write it at the member counter</source>
      <extracomment>chip.no_record</extracomment>
      <translation>the chip carries no holder record: write it at the member counter</translation>
    </message>
    <message>
      <source>the chip of card {card} carries card {written}: refused</source>
      <extracomment>chip.other_card</extracomment>
      <translation>the chip of card {card} carries card {written}: refused</translation>
    </message>
    <message>
      <source>the chip's check uses key version {version}, which this terminal does not hold</source>
      <extracomment>chip.unknown_key</extracomment>
      <translation>the chip's check uses key version {version}, which this terminal does not hold</translation>
    </message>
    <message>
      <source>{what} '{text}' is not a date (YYYY-MM-DD)</source>
      <extracomment>cli.bad_date</extracomment>
      <translation>{what} '{text}' is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>--line '{text}': write N or N*QTY with whole numbers</source>
      <extracomment>cli.bad_line</extracomment>
      <translation>--line '{text}': write N or N*QTY with whole numbers</translation>
    </message>
    <message>
      <source>--at '{text}' is not an ISO-8601 time (e.g. 2026-11-09T14:00)</source>
      <extracomment>cli.bad_time</extracomment>
      <translation>--at '{text}' is not an ISO-8601 time (e.g. 2026-11-09T14:00)</translation>
    </message>
    <message>
      <source>--format {format} writes binary: give --out FILE</source>
      <extracomment>cli.binary_needs_out</extracomment>
      <translation>--format {format} writes binary: give --out FILE</translation>
    </message>
    <message>
      <source>give exactly one of --card or --phone</source>
      <extracomment>cli.card_or_phone</extracomment>
      <translation>give exactly one of --card or --phone</translation>
    </message>
    <message>
      <source>--gift '{text}': give PROMOTION=GIFT</source>
      <extracomment>cli.gift_choice</extracomment>
      <translation>--gift '{text}': give PROMOTION=GIFT</translation>
    </message>
    <message>
      <source>--item '{text}': give a barcode or SKU, e.g. 6901234567892*2</source>
      <extracomment>cli.item_code</extracomment>
      <translation>--item '{text}': give a barcode or SKU, e.g. 6901234567892*2</translation>
    </message>
    <message>
      <source>--item '{text}': quantity must be a whole number</source>
      <extracomment>cli.item_qty</extracomment>
      <translation>--item '{text}': quantity must be a whole number</translation>
    </message>
    <message>
      <source>--media-id is the chip or tag UID, for --media ic or nfc</source>
      <extracomment>cli.media_id</extracomment>
      <translation>--media-id is the chip or tag UID, for --media ic or nfc</translation>
    </message>
    <message>
      <source>{what}: {problem}</source>
      <extracomment>cli.option_error</extracomment>
      <translation>{what}: {problem}</translation>
    </message>
    <message>
      <source>{option} '{text}': {problem}</source>
      <extracomment>cli.option_value</extracomment>
      <translation>{option} '{text}': {problem}</translation>
    </message>
    <message>
      <source>--out {path}: folder {folder} does not exist</source>
      <extracomment>cli.out_no_folder</extracomment>
      <translation>--out {path}: folder {folder} does not exist</translation>
    </message>
    <message>
      <source>--out {path}: cannot write: {detail}</source>
      <extracomment>cli.out_unwritable</extracomment>
      <translation>--out {path}: cannot write: {detail}</translation>
    </message>
    <message>
      <source>--override '{text}': write CODE=PRICE for an item of this sale</source>
      <extracomment>cli.override</extracomment>
      <translation>--override '{text}': write CODE=PRICE for an item of this sale</translation>
    </message>
    <message>
      <source>--format png cannot be made: {detail}</source>
      <extracomment>cli.png_failed</extracomment>
      <translation>--format png cannot be made: {detail}</translation>
    </message>
    <message>
      <source>restore cancelled; nothing was changed</source>
      <extracomment>cli.restore_cancelled</extracomment>
      <translation>restore cancelled; nothing was changed</translation>
    </message>
    <message>
      <source>--tender '{text}': kind must be one of {allowed}</source>
      <extracomment>cli.tender_kind</extracomment>
      <translation>--tender '{text}': kind must be one of {allowed}</translation>
    </message>
    <message>
      <source>--tender '{text}': write points:N with a whole number of points</source>
      <extracomment>cli.tender_points</extracomment>
      <translation>--tender '{text}': write points:N with a whole number of points</translation>
    </message>
    <message>
      <source>must be a folder path, got {value}</source>
      <extracomment>config.bad_folder</extracomment>
      <translation>must be a folder path, got {value}</translation>
    </message>
    <message>
      <source>must be an http:// or https:// address, got {value}</source>
      <extracomment>config.bad_hq_url</extracomment>
      <translation>must be an http:// or https:// address, got {value}</translation>
    </message>
    <message>
      <source>must be 1-40 letters, digits, '-' or '_', got {value}</source>
      <extracomment>config.bad_id</extracomment>
      <translation>must be 1-40 letters, digits, '-' or '_', got {value}</translation>
    </message>
    <message>
      <source>must be 5..10080 minutes, got {value}</source>
      <extracomment>config.bad_interval</extracomment>
      <translation>must be 5..10080 minutes, got {value}</translation>
    </message>
    <message>
      <source>{path}: {problem} (pos config check lists every problem)</source>
      <extracomment>config.broken</extracomment>
      <translation>{path}: {problem} (pos config check lists every problem)</translation>
    </message>
    <message>
      <source>missing key {key} (docs/devices.md)</source>
      <extracomment>config.device_missing_key</extracomment>
      <translation>missing key {key} (docs/devices.md)</translation>
    </message>
    <message>
      <source>two devices are named {name}</source>
      <extracomment>config.device_name_twice</extracomment>
      <translation>two devices are named {name}</translation>
    </message>
    <message>
      <source>{kind} with driver {driver} needs {key} (docs/devices.md)</source>
      <extracomment>config.device_needs</extracomment>
      <translation>{kind} with driver {driver} needs {key} (docs/devices.md)</translation>
    </message>
    <message>
      <source>not a key of a {kind} with driver {driver} (docs/devices.md)</source>
      <extracomment>config.device_unknown_key</extracomment>
      <translation>not a key of a {kind} with driver {driver} (docs/devices.md)</translation>
    </message>
    <message>
      <source>drivers for {kind}: {drivers}</source>
      <extracomment>config.drivers_for</extracomment>
      <translation>drivers for {kind}: {drivers}</translation>
    </message>
    <message>
      <source>must be a table</source>
      <extracomment>config.entry_not_table</extracomment>
      <translation>must be a table</translation>
    </message>
    <message>
      <source>file {path} is readable by other users (mode {mode}): chmod 600</source>
      <extracomment>config.file_readable</extracomment>
      <translation>file {path} is readable by other users (mode {mode}): chmod 600</translation>
    </message>
    <message>
      <source>{path} can be opened by other users (mode {mode}): chmod 700</source>
      <extracomment>config.folder_open</extracomment>
      <translation>{path} can be opened by other users (mode {mode}): chmod 700</translation>
    </message>
    <message>
      <source>personal-data key {path} is missing</source>
      <extracomment>config.key_missing</extracomment>
      <translation>personal-data key {path} is missing</translation>
    </message>
    <message>
      <source>kinds: {kinds}</source>
      <extracomment>config.kinds</extracomment>
      <translation>kinds: {kinds}</translation>
    </message>
    <message>
      <source>must be a list, e.g. ["..."], got {value}</source>
      <extracomment>config.list</extracomment>
      <translation>must be a list, e.g. ["..."], got {value}</translation>
    </message>
    <message>
      <source>missing; the terminal's data folder, e.g. /var/lib/store-pos/data</source>
      <extracomment>config.missing_data_dir</extracomment>
      <translation>missing; the terminal's data folder, e.g. /var/lib/store-pos/data</translation>
    </message>
    <message>
      <source>missing; HQ's address, e.g. hq_url = "https://hq.example.cn"</source>
      <extracomment>config.missing_hq_url</extracomment>
      <translation>missing; HQ's address, e.g. hq_url = "https://hq.example.cn"</translation>
    </message>
    <message>
      <source>missing; write it as registered at HQ, e.g. {key} = "S001"</source>
      <extracomment>config.missing_id</extracomment>
      <translation>missing; write it as registered at HQ, e.g. {key} = "S001"</translation>
    </message>
    <message>
      <source>no driver {driver} for kind {kind} ({hint})</source>
      <extracomment>config.no_driver</extracomment>
      <translation>no driver {driver} for kind {kind} ({hint})</translation>
    </message>
    <message>
      <source>{path} does not exist</source>
      <extracomment>config.no_file</extracomment>
      <translation>{path} does not exist</translation>
    </message>
    <message>
      <source>{folder} holds no terminal ledger: run 'pos --data-dir {folder} init ...' (docs/operations.md)</source>
      <extracomment>config.no_ledger</extracomment>
      <translation>{folder} holds no terminal ledger: run 'pos --data-dir {folder} init ...' (docs/operations.md)</translation>
    </message>
    <message>
      <source>no printer is named {name}</source>
      <extracomment>config.no_such_printer</extracomment>
      <translation>no printer is named {name}</translation>
    </message>
    <message>
      <source>no config file: give --config FILE or $POS_CONFIG, or write one of {places}</source>
      <extracomment>config.none</extracomment>
      <translation>no config file: give --config FILE or $POS_CONFIG, or write one of {places}</translation>
    </message>
    <message>
      <source>must be an absolute path, got {value}</source>
      <extracomment>config.not_absolute</extracomment>
      <translation>must be an absolute path, got {value}</translation>
    </message>
    <message>
      <source>must be an array of tables: [[{table}]]</source>
      <extracomment>config.not_array</extracomment>
      <translation>must be an array of tables: [[{table}]]</translation>
    </message>
    <message>
      <source>must be a table: [{table}]</source>
      <extracomment>config.not_table</extracomment>
      <translation>must be a table: [{table}]</translation>
    </message>
    <message>
      <source>not valid TOML: {detail}</source>
      <extracomment>config.not_toml</extracomment>
      <translation>not valid TOML: {detail}</translation>
    </message>
    <message>
      <source>{path} is not writable by this user</source>
      <extracomment>config.not_writable</extracomment>
      <translation>{path} is not writable by this user</translation>
    </message>
    <message>
      <source>{path}: config ok ({devices} device(s))</source>
      <extracomment>config.ok</extracomment>
      <translation>{path}: config ok ({devices} device(s))</translation>
    </message>
    <message>
      <source>must be one of {allowed}, got {value}</source>
      <extracomment>config.one_of</extracomment>
      <translation>must be one of {allowed}, got {value}</translation>
    </message>
    <message>
      <source>is {mine} but the ledger in {folder} belongs to {key} {theirs}</source>
      <extracomment>config.other_ledger</extracomment>
      <translation>is {mine} but the ledger in {folder} belongs to {key} {theirs}</translation>
    </message>
    <message>
      <source>{path} is not readable and writable by this user (groups dialout and pos; udev rule 60-store-pos.rules)</source>
      <extracomment>config.port_access</extracomment>
      <translation>{path} is not readable and writable by this user (groups dialout and pos; udev rule 60-store-pos.rules)</translation>
    </message>
    <message>
      <source>{path} does not exist (plugged in? ls /dev/serial/by-id/)</source>
      <extracomment>config.port_missing</extracomment>
      <translation>{path} does not exist (plugged in? ls /dev/serial/by-id/)</translation>
    </message>
    <message>
      <source>{key}: {problem}</source>
      <extracomment>config.problem</extracomment>
      <translation>{key}: {problem}</translation>
    </message>
    <message>
      <source>line {line}: {key}: {problem}</source>
      <extracomment>config.problem_at</extracomment>
      <translation>line {line}: {key}: {problem}</translation>
    </message>
    <message>
      <source>{count} problem(s)</source>
      <extracomment>config.problem_count</extracomment>
      <translation>{count} problem(s)</translation>
    </message>
    <message>
      <source>secret {path} belongs to uid {uid}, not to the user running the terminal (uid {me})</source>
      <extracomment>config.secret_owner</extracomment>
      <translation>secret {path} belongs to uid {uid}, not to the user running the terminal (uid {me})</translation>
    </message>
    <message>
      <source>secret {path} is readable by other users (mode {mode}): chmod 600</source>
      <extracomment>config.secret_readable</extracomment>
      <translation>secret {path} is readable by other users (mode {mode}): chmod 600</translation>
    </message>
    <message>
      <source>must be a serial device path in quotes, e.g. "/dev/ttyUSB0", got {value}</source>
      <extracomment>config.serial_port</extracomment>
      <translation>must be a serial device path in quotes, e.g. "/dev/ttyUSB0", got {value}</translation>
    </message>
    <message>
      <source>must be a TCP port number, got {value}</source>
      <extracomment>config.tcp_port</extracomment>
      <translation>must be a TCP port number, got {value}</translation>
    </message>
    <message>
      <source>must be a string in quotes, got {value}</source>
      <extracomment>config.text</extracomment>
      <translation>must be a string in quotes, got {value}</translation>
    </message>
    <message>
      <source>unknown key (known: {known})</source>
      <extracomment>config.unknown_key</extracomment>
      <translation>unknown key (known: {known})</translation>
    </message>
    <message>
      <source>cannot read {path}: {detail}</source>
      <extracomment>config.unreadable</extracomment>
      <translation>cannot read {path}: {detail}</translation>
    </message>
    <message>
      <source>must be a whole number, got {value}</source>
      <extracomment>config.whole</extracomment>
      <translation>must be a whole number, got {value}</translation>
    </message>
    <message>
      <source>must be a whole number of at least {low}, got {value}</source>
      <extracomment>config.whole_at_least</extracomment>
      <translation>must be a whole number of at least {low}, got {value}</translation>
    </message>
    <message>
      <source>{path} is writable by everyone; chmod o-w</source>
      <extracomment>config.world_writable</extracomment>
      <translation>{path} is writable by everyone; chmod o-w</translation>
    </message>
    <message>
      <source>must be true or false, got {value}</source>
      <extracomment>config.yes_no</extracomment>
      <translation>must be true or false, got {value}</translation>
    </message>
    <message>
      <source>the cart is empty: nothing to cancel</source>
      <extracomment>counter.cancel_empty</extracomment>
      <translation>the cart is empty: nothing to cancel</translation>
    </message>
    <message>
      <source>the reason is at most {max} characters</source>
      <extracomment>counter.reason_long</extracomment>
      <translation>the reason is at most {max} characters</translation>
    </message>
    <message>
      <source>give the reason first</source>
      <extracomment>counter.reason_needed</extracomment>
      <translation>give the reason first</translation>
    </message>
    <message>
      <source>coupon '{coupon}' needs a spend of {min_spend} after discounts; the cart is empty: scan the goods first</source>
      <extracomment>coupon.cart_empty</extracomment>
      <translation>coupon '{coupon}' needs a spend of {min_spend} after discounts; the cart is empty: scan the goods first</translation>
    </message>
    <message>
      <source>coupon '{coupon}' needs a spend of {min_spend} after discounts; this sale is {total}</source>
      <extracomment>coupon.min_spend</extracomment>
      <translation>coupon '{coupon}' needs a spend of {min_spend} after discounts; this sale is {total}</translation>
    </message>
    <message>
      <source>one coupon per receipt: coupon '{current}' is already on this sale (remove it first to use '{coupon}')</source>
      <extracomment>coupon.one_per_receipt</extracomment>
      <translation>one coupon per receipt: coupon '{current}' is already on this sale (remove it first to use '{coupon}')</translation>
    </message>
    <message>
      <source>coupon '{coupon}' is valid {start} to {end}, not on {day}</source>
      <extracomment>coupon.out_of_window</extracomment>
      <translation>coupon '{coupon}' is valid {start} to {end}, not on {day}</translation>
    </message>
    <message>
      <source>coupon '{coupon}' is not a code of this program</source>
      <extracomment>coupon.unknown</extracomment>
      <translation>coupon '{coupon}' is not a code of this program</translation>
    </message>
    <message>
      <source>coupon '{coupon}' has already been used</source>
      <extracomment>coupon.used</extracomment>
      <translation>coupon '{coupon}' has already been used</translation>
    </message>
    <message>
      <source>a service's count must be 1 to {max}, got {count}</source>
      <extracomment>entitlement.bad_count</extracomment>
      <translation>a service's count must be 1 to {max}, got {count}</translation>
    </message>
    <message>
      <source>valid months must be 1 to 1200, got {months}</source>
      <extracomment>entitlement.bad_months</extracomment>
      <translation>valid months must be 1 to 1200, got {months}</translation>
    </message>
    <message>
      <source>the member's {service} expired on {until}</source>
      <extracomment>entitlement.expired</extracomment>
      <translation>the member's {service} expired on {until}</translation>
    </message>
    <message>
      <source>the member has no {service}</source>
      <extracomment>entitlement.none</extracomment>
      <translation>the member has no {service}</translation>
    </message>
    <message>
      <source>a service granted by hand needs a reason</source>
      <extracomment>entitlement.reason</extracomment>
      <translation>a service granted by hand needs a reason</translation>
    </message>
    <message>
      <source>no service '{service}' in the program (services: {known})</source>
      <extracomment>entitlement.unknown_service</extracomment>
      <translation>no service '{service}' in the program (services: {known})</translation>
    </message>
    <message>
      <source>no active staff member {staff}</source>
      <extracomment>entitlement.unknown_staff</extracomment>
      <translation>no active staff member {staff}</translation>
    </message>
    <message>
      <source>the member's {service} is used up</source>
      <extracomment>entitlement.used_up</extracomment>
      <translation>the member's {service} is used up</translation>
    </message>
    <message>
      <source>the copy of {path} failed its integrity check: {detail}</source>
      <extracomment>folder.copy_damaged</extracomment>
      <translation>the copy of {path} failed its integrity check: {detail}</translation>
    </message>
    <message>
      <source>{path} already exists; nothing was written</source>
      <extracomment>folder.exists</extracomment>
      <translation>{path} already exists; nothing was written</translation>
    </message>
    <message>
      <source>a counted stock must be 0 to {max}, got {qty}</source>
      <extracomment>gift.bad_count</extracomment>
      <translation>a counted stock must be 0 to {max}, got {qty}</translation>
    </message>
    <message>
      <source>gift quantity must be 1 to {max}, got {qty}</source>
      <extracomment>gift.bad_qty</extracomment>
      <translation>gift quantity must be 1 to {max}, got {qty}</translation>
    </message>
    <message>
      <source>a stock count needs a reason</source>
      <extracomment>gift.count_reason</extracomment>
      <translation>a stock count needs a reason</translation>
    </message>
    <message>
      <source>no gift-with-purchase promotion {promotion} applies to this sale</source>
      <extracomment>gift.no_promotion</extracomment>
      <translation>no gift-with-purchase promotion {promotion} applies to this sale</translation>
    </message>
    <message>
      <source>gift {gift} ({code}) cannot be had for points</source>
      <extracomment>gift.not_for_points</extracomment>
      <translation>gift {gift} ({code}) cannot be had for points</translation>
    </message>
    <message>
      <source>gift {gift} is not one of promotion {promotion}'s gifts ({gifts})</source>
      <extracomment>gift.not_offered</extracomment>
      <translation>gift {gift} is not one of promotion {promotion}'s gifts ({gifts})</translation>
    </message>
    <message>
      <source>gift {gift} ({code}) is out of stock in this store</source>
      <extracomment>gift.out_of_stock</extracomment>
      <translation>gift {gift} ({code}) is out of stock in this store</translation>
    </message>
    <message>
      <source>a gift for points needs a member card</source>
      <extracomment>gift.points_need_member</extracomment>
      <translation>a gift for points needs a member card</translation>
    </message>
    <message>
      <source>no gift '{gift}' in the program (gifts: {known})</source>
      <extracomment>gift.unknown</extracomment>
      <translation>no gift '{gift}' in the program (gifts: {known})</translation>
    </message>
    <message>
      <source>birthday '{birthday}' is not a date (YYYY-MM-DD)</source>
      <extracomment>group.bad_birthday</extracomment>
      <translation>birthday '{birthday}' is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>{bad} of {rows} rows have problems: nothing was enrolled (the report names each; --skip-bad enrolls the others)</source>
      <extracomment>group.bad_rows</extracomment>
      <translation>{bad} of {rows} rows have problems: nothing was enrolled (the report names each; --skip-bad enrolls the others)</translation>
    </message>
    <message>
      <source>{path} is not a readable spreadsheet: {detail}</source>
      <extracomment>group.bad_xlsx</extracomment>
      <translation>{path} is not a readable spreadsheet: {detail}</translation>
    </message>
    <message>
      <source>{path} has no column {missing} in its first row</source>
      <extracomment>group.columns</extracomment>
      <translation>{path} has no column {missing} in its first row</translation>
    </message>
    <message>
      <source>the ID number is also on row {row} of the file</source>
      <extracomment>group.dup_id</extracomment>
      <translation>the ID number is also on row {row} of the file</translation>
    </message>
    <message>
      <source>phone {phone} is also on row {row} of the file</source>
      <extracomment>group.dup_phone</extracomment>
      <translation>phone {phone} is also on row {row} of the file</translation>
    </message>
    <message>
      <source>{path} is empty</source>
      <extracomment>group.empty</extracomment>
      <translation>{path} is empty</translation>
    </message>
    <message>
      <source>{path}: not UTF-8 or GB18030 text</source>
      <extracomment>group.encoding</extracomment>
      <translation>{path}: not UTF-8 or GB18030 text</translation>
    </message>
    <message>
      <source>{path}: give a .csv or .xlsx file</source>
      <extracomment>group.file_kind</extracomment>
      <translation>{path}: give a .csv or .xlsx file</translation>
    </message>
    <message>
      <source>the ID number already belongs to a member</source>
      <extracomment>group.id_taken</extracomment>
      <translation>the ID number already belongs to a member</translation>
    </message>
    <message>
      <source>name the organisation the group comes from</source>
      <extracomment>group.organisation</extracomment>
      <translation>name the organisation the group comes from</translation>
    </message>
    <message>
      <source>a group holds 1 to {most} rows, got {count}</source>
      <extracomment>group.rows</extracomment>
      <translation>a group holds 1 to {most} rows, got {count}</translation>
    </message>
    <message>
      <source>--ahead must be 0 to 36, got {value}</source>
      <extracomment>hq.bad_ahead</extracomment>
      <translation>--ahead must be 0 to 36, got {value}</translation>
    </message>
    <message>
      <source>{option}: month must be YYYY-MM, got '{value}'</source>
      <extracomment>hq.bad_month</extracomment>
      <translation>{option}: month must be YYYY-MM, got '{value}'</translation>
    </message>
    <message>
      <source>{month} cannot be detached: {items} of its settlement items belong to a statement month not yet locked; lock it first</source>
      <extracomment>hq.month_unsettled</extracomment>
      <translation>{month} cannot be detached: {items} of its settlement items belong to a statement month not yet locked; lock it first</translation>
    </message>
    <message>
      <source>unknown key outside [hq]; HQ reads only [hq] (move the key under it)</source>
      <extracomment>hq_config.key_outside</extracomment>
      <translation>unknown key outside [hq]; HQ reads only [hq] (move the key under it)</translation>
    </message>
    <message>
      <source>must be a table: [hq]</source>
      <extracomment>hq_config.not_table</extracomment>
      <translation>must be a table: [hq]</translation>
    </message>
    <message>
      <source>{path}: not valid TOML: {detail}</source>
      <extracomment>hq_config.not_toml</extracomment>
      <translation>{path}: not valid TOML: {detail}</translation>
    </message>
    <message>
      <source>{path}: {key}: {problem}</source>
      <extracomment>hq_config.problem</extracomment>
      <translation>{path}: {key}: {problem}</translation>
    </message>
    <message>
      <source>{path} line {line}: {key}: {problem}</source>
      <extracomment>hq_config.problem_at</extracomment>
      <translation>{path} line {line}: {key}: {problem}</translation>
    </message>
    <message>
      <source>give both ssl_certfile and ssl_keyfile, or neither</source>
      <extracomment>hq_config.ssl_pair</extracomment>
      <translation>give both ssl_certfile and ssl_keyfile, or neither</translation>
    </message>
    <message>
      <source>must be a non-empty string, got {value}</source>
      <extracomment>hq_config.text</extracomment>
      <translation>must be a non-empty string, got {value}</translation>
    </message>
    <message>
      <source>must be a time zone such as "Asia/Shanghai", got {value}</source>
      <extracomment>hq_config.timezone</extracomment>
      <translation>must be a time zone such as "Asia/Shanghai", got {value}</translation>
    </message>
    <message>
      <source>unknown section; HQ reads only [hq] (move the key under it)</source>
      <extracomment>hq_config.unknown_section</extracomment>
      <translation>unknown section; HQ reads only [hq] (move the key under it)</translation>
    </message>
    <message>
      <source>{path}: cannot read the HQ config file: {detail}</source>
      <extracomment>hq_config.unreadable</extracomment>
      <translation>{path}: cannot read the HQ config file: {detail}</translation>
    </message>
    <message>
      <source>must be a whole number from {low} to {high}, got {value}</source>
      <extracomment>hq_config.whole</extracomment>
      <translation>must be a whole number from {low} to {high}, got {value}</translation>
    </message>
    <message>
      <source>must be yuan such as "2000.00" (0 to 1000000.00), got {value}</source>
      <extracomment>hq_config.yuan</extracomment>
      <translation>must be yuan such as "2000.00" (0 to 1000000.00), got {value}</translation>
    </message>
    <message>
      <source>bank_card</source>
      <extracomment>kind.bank_card</extracomment>
      <translation>bank_card</translation>
    </message>
    <message>
      <source>cash</source>
      <extracomment>kind.cash</extracomment>
      <translation>cash</translation>
    </message>
    <message>
      <source>other</source>
      <extracomment>kind.other</extracomment>
      <translation>other</translation>
    </message>
    <message>
      <source>points</source>
      <extracomment>kind.points</extracomment>
      <translation>points</translation>
    </message>
    <message>
      <source>stored_value</source>
      <extracomment>kind.stored_value</extracomment>
      <translation>stored_value</translation>
    </message>
    <message>
      <source>address is longer than 200 characters</source>
      <extracomment>member.address_too_long</extracomment>
      <translation>address is longer than 200 characters</translation>
    </message>
    <message>
      <source>card {card} was already replaced</source>
      <extracomment>member.already_replaced</extracomment>
      <translation>card {card} was already replaced</translation>
    </message>
    <message>
      <source>an anonymous card takes no ID number</source>
      <extracomment>member.anonymous_id_number</extracomment>
      <translation>an anonymous card takes no ID number</translation>
    </message>
    <message>
      <source>email '{email}' is not an email address</source>
      <extracomment>member.bad_email</extracomment>
      <translation>email '{email}' is not an email address</translation>
    </message>
    <message>
      <source>gender must be F or M, got '{gender}'</source>
      <extracomment>member.bad_gender</extracomment>
      <translation>gender must be F or M, got '{gender}'</translation>
    </message>
    <message>
      <source>ID number is not a valid resident ID (GB 11643): {detail}</source>
      <extracomment>member.bad_id_number</extracomment>
      <translation>ID number is not a valid resident ID (GB 11643): {detail}</translation>
    </message>
    <message>
      <source>card media must be one of {allowed}, got '{media}'</source>
      <extracomment>member.bad_media</extracomment>
      <translation>card media must be one of {allowed}, got '{media}'</translation>
    </message>
    <message>
      <source>{media} UID '{uid}' must be 4-10 bytes in hex</source>
      <extracomment>member.bad_uid</extracomment>
      <translation>{media} UID '{uid}' must be 4-10 bytes in hex</translation>
    </message>
    <message>
      <source>birthday {birthday} is in the future</source>
      <extracomment>member.birthday_future</extracomment>
      <translation>birthday {birthday} is in the future</translation>
    </message>
    <message>
      <source>birthday {birthday} does not match the ID number's {id_birthday}</source>
      <extracomment>member.birthday_mismatch</extracomment>
      <translation>birthday {birthday} does not match the ID number's {id_birthday}</translation>
    </message>
    <message>
      <source>card {card} is already {status}</source>
      <extracomment>member.card_already</extracomment>
      <translation>card {card} is already {status}</translation>
    </message>
    <message>
      <source>this terminal's block of card numbers is used up; ask HQ for another</source>
      <extracomment>member.card_block_used_up</extracomment>
      <translation>this terminal's block of card numbers is used up; ask HQ for another</translation>
    </message>
    <message>
      <source>card number {card} has a wrong check digit</source>
      <extracomment>member.card_check_digit</extracomment>
      <translation>card number {card} has a wrong check digit</translation>
    </message>
    <message>
      <source>card {card} is already issued</source>
      <extracomment>member.card_issued</extracomment>
      <translation>card {card} is already issued</translation>
    </message>
    <message>
      <source>card number '{card}' must be 4-32 letters or digits</source>
      <extracomment>member.card_no_format</extracomment>
      <translation>card number '{card}' must be 4-32 letters or digits</translation>
    </message>
    <message>
      <source>card {card} was valid until {until}: it cannot be used</source>
      <extracomment>member.card_past_validity</extracomment>
      <translation>card {card} was valid until {until}: it cannot be used</translation>
    </message>
    <message>
      <source>card {card} is {status}: it cannot be used</source>
      <extracomment>member.card_unusable</extracomment>
      <translation>card {card} is {status}: it cannot be used</translation>
    </message>
    <message>
      <source>member {member} has no card</source>
      <extracomment>member.has_no_card</extracomment>
      <translation>member {member} has no card</translation>
    </message>
    <message>
      <source>a spend limit must be above zero</source>
      <extracomment>member.limit_not_positive</extracomment>
      <translation>a spend limit must be above zero</translation>
    </message>
    <message>
      <source>this {media} ({uid}) is already bound to another card</source>
      <extracomment>member.media_bound</extracomment>
      <translation>this {media} ({uid}) is already bound to another card</translation>
    </message>
    <message>
      <source>name is required (or enroll an anonymous card)</source>
      <extracomment>member.name_required</extracomment>
      <translation>name is required (or enroll an anonymous card)</translation>
    </message>
    <message>
      <source>name is longer than 60 characters</source>
      <extracomment>member.name_too_long</extracomment>
      <translation>name is longer than 60 characters</translation>
    </message>
    <message>
      <source>no card {card}</source>
      <extracomment>member.no_card</extracomment>
      <translation>no card {card}</translation>
    </message>
    <message>
      <source>no member {member}</source>
      <extracomment>member.no_member</extracomment>
      <translation>no member {member}</translation>
    </message>
    <message>
      <source>no member with phone {phone}</source>
      <extracomment>member.no_member_with_phone</extracomment>
      <translation>no member with phone {phone}</translation>
    </message>
    <message>
      <source>card {card} is not blocked; block it first</source>
      <extracomment>member.not_blocked</extracomment>
      <translation>card {card} is not blocked; block it first</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a phone number</source>
      <extracomment>member.phone_not_a_number</extracomment>
      <translation>phone '{phone}' is not a phone number</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a valid mainland China number</source>
      <extracomment>member.phone_not_mainland</extracomment>
      <translation>phone '{phone}' is not a valid mainland China number</translation>
    </message>
    <message>
      <source>phone '{phone}' is not a mainland mobile number</source>
      <extracomment>member.phone_not_mobile</extracomment>
      <translation>phone '{phone}' is not a mainland mobile number</translation>
    </message>
    <message>
      <source>phone is required (or enroll an anonymous card)</source>
      <extracomment>member.phone_required</extracomment>
      <translation>phone is required (or enroll an anonymous card)</translation>
    </message>
    <message>
      <source>phone {phone} already belongs to a member</source>
      <extracomment>member.phone_taken</extracomment>
      <translation>phone {phone} already belongs to a member</translation>
    </message>
    <message>
      <source>a supplementary card hangs under a main card, not another supplementary</source>
      <extracomment>member.supplementary_of_supplementary</extracomment>
      <translation>a supplementary card hangs under a main card, not another supplementary</translation>
    </message>
    <message>
      <source>applicant is {age}; members must be {min_age} or older</source>
      <extracomment>member.too_young</extracomment>
      <translation>applicant is {age}; members must be {min_age} or older</translation>
    </message>
    <message>
      <source>{what} must be written as a string, e.g. "0.95": {value}</source>
      <extracomment>money.decimal_as_string</extracomment>
      <translation>{what} must be written as a string, e.g. "0.95": {value}</translation>
    </message>
    <message>
      <source>{what} is not a finite number: '{text}'</source>
      <extracomment>money.decimal_not_finite</extracomment>
      <translation>{what} is not a finite number: '{text}'</translation>
    </message>
    <message>
      <source>money must not be a float or bool: {value}</source>
      <extracomment>money.float</extracomment>
      <translation>money must not be a float or bool: {value}</translation>
    </message>
    <message>
      <source>'{text}' has digits of another script; write the amount with 0-9</source>
      <extracomment>money.non_ascii_digits</extracomment>
      <translation>'{text}' has digits of another script; write the amount with 0-9</translation>
    </message>
    <message>
      <source>not a money amount: {value}</source>
      <extracomment>money.not_amount</extracomment>
      <translation>not a money amount: {value}</translation>
    </message>
    <message>
      <source>{what} is not a decimal number: '{text}'</source>
      <extracomment>money.not_decimal</extracomment>
      <translation>{what} is not a decimal number: '{text}'</translation>
    </message>
    <message>
      <source>money must be a finite amount: {value}</source>
      <extracomment>money.not_finite</extracomment>
      <translation>money must be a finite amount: {value}</translation>
    </message>
    <message>
      <source>not a money amount in yuan: '{text}' (write e.g. 1234.50)</source>
      <extracomment>money.not_yuan</extracomment>
      <translation>not a money amount in yuan: '{text}' (write e.g. 1234.50)</translation>
    </message>
    <message>
      <source>not a money amount in yuan: '{text}'</source>
      <extracomment>money.not_yuan_short</extracomment>
      <translation>not a money amount in yuan: '{text}'</translation>
    </message>
    <message>
      <source>amount too large: '{text}'... (at most {digits} digits of yuan)</source>
      <extracomment>money.too_large</extracomment>
      <translation>amount too large: '{text}'... (at most {digits} digits of yuan)</translation>
    </message>
    <message>
      <source>(anonymous)</source>
      <extracomment>out.anonymous</extracomment>
      <translation>(anonymous)</translation>
    </message>
    <message>
      <source>audit log NOT ok:
  {problems}</source>
      <extracomment>out.audit_not_ok</extracomment>
      <translation>audit log NOT ok:
  {problems}</translation>
    </message>
    <message>
      <source>audit log ok</source>
      <extracomment>out.audit_ok</extracomment>
      <translation>audit log ok</translation>
    </message>
    <message>
      <source>backup not due yet</source>
      <extracomment>out.backup_not_due</extracomment>
      <translation>backup not due yet</translation>
    </message>
    <message>
      <source>backup written: {file}</source>
      <extracomment>out.backup_written</extracomment>
      <translation>backup written: {file}</translation>
    </message>
    <message>
      <source>backup written: {file} ({count} old backup(s) deleted)</source>
      <extracomment>out.backup_written_pruned</extracomment>
      <translation>backup written: {file} ({count} old backup(s) deleted)</translation>
    </message>
    <message>
      <source>batch {batch}: {count} {product} cards ({media}) {first} .. {last}</source>
      <extracomment>out.card_batch</extracomment>
      <translation>batch {batch}: {count} {product} cards ({media}) {first} .. {last}</translation>
    </message>
    <message>
      <source>card {card} blocked ({reason})</source>
      <extracomment>out.card_blocked</extracomment>
      <translation>card {card} blocked ({reason})</translation>
    </message>
    <message>
      <source>grant {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</source>
      <extracomment>out.card_grant</extracomment>
      <translation>grant {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</translation>
    </message>
    <message>
      <source>  in stock: {card} {product} batch {batch}</source>
      <extracomment>out.card_in_stock</extracomment>
      <translation>  in stock: {card} {product} batch {batch}</translation>
    </message>
    <message>
      <source>return {ret} of sale {sale}: {count} {product} card(s) {cards} blocked; {paid} given back ({tender}); bonus {bonus} and commission {commission} of {seller} reversed</source>
      <extracomment>out.card_return</extracomment>
      <translation>return {ret} of sale {sale}: {count} {product} card(s) {cards} blocked; {paid} given back ({tender}); bonus {bonus} and commission {commission} of {seller} reversed</translation>
    </message>
    <message>
      <source>sale {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</source>
      <extracomment>out.card_sale</extracomment>
      <translation>sale {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), bonus {bonus}; commission {commission} to {seller}</translation>
    </message>
    <message>
      <source>card stock of store {store}</source>
      <extracomment>out.card_stock_head</extracomment>
      <translation>card stock of store {store}</translation>
    </message>
    <message>
      <source>  {product} {name} ({media}): {counts}</source>
      <extracomment>out.card_stock_line</extracomment>
      <translation>  {product} {name} ({media}): {counts}</translation>
    </message>
    <message>
      <source>{count} card(s) expired</source>
      <extracomment>out.cards_expired</extracomment>
      <translation>{count} card(s) expired</translation>
    </message>
    <message>
      <source>received {count} {product} cards of batch {batch} into store {store}: {first} .. {last}</source>
      <extracomment>out.cards_received</extracomment>
      <translation>received {count} {product} cards of batch {batch} into store {store}: {first} .. {last}</translation>
    </message>
    <message>
      <source>catalog: {rows} rows: {added} added, {updated} updated, {unchanged} unchanged</source>
      <extracomment>out.catalog_imported</extracomment>
      <translation>catalog: {rows} rows: {added} added, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
      <source>catalog: {done}/{total} rows checked</source>
      <extracomment>out.catalog_progress</extracomment>
      <translation>catalog: {done}/{total} rows checked</translation>
    </message>
    <message>
      <source>  change {amount}</source>
      <extracomment>out.change</extracomment>
      <translation>  change {amount}</translation>
    </message>
    <message>
      <source>holder written to the {media} chip {uid} of card {card}</source>
      <extracomment>out.chip_written</extracomment>
      <translation>holder written to the {media} chip {uid} of card {card}</translation>
    </message>
    <message>
      <source>  counted {counted}, difference {difference}</source>
      <extracomment>out.counted</extracomment>
      <translation>  counted {counted}, difference {difference}</translation>
    </message>
    <message>
      <source>Demo terminal S001/T01 in {folder} (staff PINs: {staff})</source>
      <extracomment>out.demo_head</extracomment>
      <translation>Demo terminal S001/T01 in {folder} (staff PINs: {staff})</translation>
    </message>
    <message>
      <source>Try: pos --data-dir {folder} member show --phone {phone}
     pos --data-dir {folder} receipt show --no {receipt}</source>
      <extracomment>out.demo_try</extracomment>
      <translation>Try: pos --data-dir {folder} member show --phone {phone}
     pos --data-dir {folder} receipt show --no {receipt}</translation>
    </message>
    <message>
      <source>  expected cash {amount}</source>
      <extracomment>out.expected_cash</extracomment>
      <translation>  expected cash {amount}</translation>
    </message>
    <message>
      <source>{gift}: difference {difference}, on hand {on_hand}</source>
      <extracomment>out.gift_counted</extracomment>
      <translation>{gift}: difference {difference}, on hand {on_hand}</translation>
    </message>
    <message>
      <source>for {points} points</source>
      <extracomment>out.gift_for_points</extracomment>
      <translation>for {points} points</translation>
    </message>
    <message>
      <source>  gift {gift} {name} {zero} (value {value}, {how})</source>
      <extracomment>out.gift_line</extracomment>
      <translation>  gift {gift} {name} {zero} (value {value}, {how})</translation>
    </message>
    <message>
      <source>not for points</source>
      <extracomment>out.gift_not_for_points</extracomment>
      <translation>not for points</translation>
    </message>
    <message>
      <source>  no gift for {gift}: out of stock</source>
      <extracomment>out.gift_out_of_stock</extracomment>
      <translation>  no gift for {gift}: out of stock</translation>
    </message>
    <message>
      <source>{points} points</source>
      <extracomment>out.gift_points</extracomment>
      <translation>{points} points</translation>
    </message>
    <message>
      <source>{gift}: +{qty}, on hand {on_hand}</source>
      <extracomment>out.gift_received</extracomment>
      <translation>{gift}: +{qty}, on hand {on_hand}</translation>
    </message>
    <message>
      <source>{name} (¥{value}) for {points} points; {left} points left</source>
      <extracomment>out.gift_redeemed</extracomment>
      <translation>{name} (¥{value}) for {points} points; {left} points left</translation>
    </message>
    <message>
      <source>{gift} {name} ¥{value}  {points} on hand {on_hand}</source>
      <extracomment>out.gift_stock_row</extracomment>
      <translation>{gift} {name} ¥{value}  {points} on hand {on_hand}</translation>
    </message>
    <message>
      <source>{organisation}: {enrolled} enrolled, {bad} with problems</source>
      <extracomment>out.group_enrolled</extracomment>
      <translation>{organisation}: {enrolled} enrolled, {bad} with problems</translation>
    </message>
    <message>
      <source>row {row}  {name}  {phone}  {what}</source>
      <extracomment>out.group_row</extracomment>
      <translation>row {row}  {name}  {phone}  {what}</translation>
    </message>
    <message>
      <source>card {card}</source>
      <extracomment>out.group_row_card</extracomment>
      <translation>card {card}</translation>
    </message>
    <message>
      <source>ok</source>
      <extracomment>out.group_row_ok</extracomment>
      <translation>ok</translation>
    </message>
    <message>
      <source>ledger NOT ok:
  {problems}</source>
      <extracomment>out.ledger_not_ok</extracomment>
      <translation>ledger NOT ok:
  {problems}</translation>
    </message>
    <message>
      <source>ledger ok: {journals} transactions, {entries} entries, {accounts} accounts</source>
      <extracomment>out.ledger_ok</extracomment>
      <translation>ledger ok: {journals} transactions, {entries} entries, {accounts} accounts</translation>
    </message>
    <message>
      <source>{media} bound to card {card}</source>
      <extracomment>out.media_bound</extracomment>
      <translation>{media} bound to card {card}</translation>
    </message>
    <message>
      <source>member {id} {name} {phone} card {card} {tier_name} ({tier})</source>
      <extracomment>out.member</extracomment>
      <translation>member {id} {name} {phone} card {card} {tier_name} ({tier})</translation>
    </message>
    <message>
      <source>points {points}; stored value {total} (principal {principal}, bonus {bonus})</source>
      <extracomment>out.member_balance</extracomment>
      <translation>points {points}; stored value {total} (principal {principal}, bonus {bonus})</translation>
    </message>
    <message>
      <source>no backups</source>
      <extracomment>out.no_backups</extracomment>
      <translation>no backups</translation>
    </message>
    <message>
      <source>no services</source>
      <extracomment>out.no_services</extracomment>
      <translation>no services</translation>
    </message>
    <message>
      <source>offline credit used: {amount}</source>
      <extracomment>out.offline_credit</extracomment>
      <translation>offline credit used: {amount}</translation>
    </message>
    <message>
      <source>  paid {kind}: {amount}</source>
      <extracomment>out.paid</extracomment>
      <translation>  paid {kind}: {amount}</translation>
    </message>
    <message>
      <source>  paid {kind}: {amount} ({points} points)</source>
      <extracomment>out.paid_points</extracomment>
      <translation>  paid {kind}: {amount} ({points} points)</translation>
    </message>
    <message>
      <source>  points earned {points}</source>
      <extracomment>out.points_earned</extracomment>
      <translation>  points earned {points}</translation>
    </message>
    <message>
      <source>{points} points expire on {date}</source>
      <extracomment>out.points_expire</extracomment>
      <translation>{points} points expire on {date}</translation>
    </message>
    <message>
      <source>{total} points expired</source>
      <extracomment>out.points_expired</extracomment>
      <translation>{total} points expired</translation>
    </message>
    <message>
      <source>moved {points} points</source>
      <extracomment>out.points_moved</extracomment>
      <translation>moved {points} points</translation>
    </message>
    <message>
      <source>receipt {receipt}: {size} bytes of {format} written to {file}</source>
      <extracomment>out.receipt_written</extracomment>
      <translation>receipt {receipt}: {size} bytes of {format} written to {file}</translation>
    </message>
    <message>
      <source>refund {refund} of {sale}: {amount} back: {tenders}</source>
      <extracomment>out.refund</extracomment>
      <translation>refund {refund} of {sale}: {amount} back: {tenders}</translation>
    </message>
    <message>
      <source>Restore {file} ({franchisee}/{store}/{terminal}, {journals} transactions, last at {last}) into {folder}? Sync will treat this as a rewind. Stop the terminal app first. Type yes: </source>
      <extracomment>out.restore_ask</extracomment>
      <translation>Restore {file} ({franchisee}/{store}/{terminal}, {journals} transactions, last at {last}) into {folder}? Sync will treat this as a rewind. Stop the terminal app first. Type yes: </translation>
    </message>
    <message>
      <source>restored {file} into {folder}; epoch {epoch}</source>
      <extracomment>out.restored</extracomment>
      <translation>restored {file} into {folder}; epoch {epoch}</translation>
    </message>
    <message>
      <source>restored {file} into {folder}; epoch {epoch}; the ledger as it was is kept in {kept}</source>
      <extracomment>out.restored_kept</extracomment>
      <translation>restored {file} into {folder}; epoch {epoch}; the ledger as it was is kept in {kept}</translation>
    </message>
    <message>
      <source>sale {sale}  {time}</source>
      <extracomment>out.sale_head</extracomment>
      <translation>sale {sale}  {time}</translation>
    </message>
    <message>
      <source>granted {service}</source>
      <extracomment>out.service_granted</extracomment>
      <translation>granted {service}</translation>
    </message>
    <message>
      <source>used; {service}</source>
      <extracomment>out.service_used</extracomment>
      <translation>used; {service}</translation>
    </message>
    <message>
      <source>  cards, {kind}: {amount}</source>
      <extracomment>out.shift_card_tender</extracomment>
      <translation>  cards, {kind}: {amount}</translation>
    </message>
    <message>
      <source>  cards sold {sold}: {sold_total}; cards returned {returned}: {returned_total}</source>
      <extracomment>out.shift_cards</extracomment>
      <translation>  cards sold {sold}: {sold_total}; cards returned {returned}: {returned_total}</translation>
    </message>
    <message>
      <source>  sales {sales}: {sales_total}; refunds {refunds}: {refunds_total}; top-ups {topups}: {topups_total}</source>
      <extracomment>out.shift_counts</extracomment>
      <translation>  sales {sales}: {sales_total}; refunds {refunds}: {refunds_total}; top-ups {topups}: {topups_total}</translation>
    </message>
    <message>
      <source>shift {no} ({status}), opened {at} by {by}, float {float}</source>
      <extracomment>out.shift_head</extracomment>
      <translation>shift {no} ({status}), opened {at} by {by}, float {float}</translation>
    </message>
    <message>
      <source>  {kind}: {amount}</source>
      <extracomment>out.shift_tender</extracomment>
      <translation>  {kind}: {amount}</translation>
    </message>
    <message>
      <source>staff {code} ({role}) added</source>
      <extracomment>out.staff_added</extracomment>
      <translation>staff {code} ({role}) added</translation>
    </message>
    <message>
      <source>staff    name            sales orders     VIP enrolled  commission not credited</source>
      <extracomment>out.staff_report_columns</extracomment>
      <translation>staff    name            sales orders     VIP enrolled  commission not credited</translation>
    </message>
    <message>
      <source>staff report {start} .. {end} ({store})</source>
      <extracomment>out.staff_report_head</extracomment>
      <translation>staff report {start} .. {end} ({store})</translation>
    </message>
    <message>
      <source>staff {code} unlocked by {by}</source>
      <extracomment>out.staff_unlocked</extracomment>
      <translation>staff {code} unlocked by {by}</translation>
    </message>
    <message>
      <source>terminal {store}/{terminal} set up in {folder}</source>
      <extracomment>out.terminal_set_up</extracomment>
      <translation>terminal {store}/{terminal} set up in {folder}</translation>
    </message>
    <message>
      <source>{count} member(s) changed tier</source>
      <extracomment>out.tiers_changed</extracomment>
      <translation>{count} member(s) changed tier</translation>
    </message>
    <message>
      <source>top-up {no}: {amount} + bonus {bonus}</source>
      <extracomment>out.topup</extracomment>
      <translation>top-up {no}: {amount} + bonus {bonus}</translation>
    </message>
    <message>
      <source>  total {amount}</source>
      <extracomment>out.total</extracomment>
      <translation>  total {amount}</translation>
    </message>
    <message>
      <source>TRAINING 培训 — not a sale, no money taken</source>
      <extracomment>out.training</extracomment>
      <translation>TRAINING 培训 — not a sale, no money taken</translation>
    </message>
    <message>
      <source>warning: {text}</source>
      <extracomment>out.warning</extracomment>
      <translation>warning: {text}</translation>
    </message>
    <message>
      <source>an empty cart cannot be parked</source>
      <extracomment>park.empty</extracomment>
      <translation>an empty cart cannot be parked</translation>
    </message>
    <message>
      <source>no parked cart {id} on this terminal (recalled already?)</source>
      <extracomment>park.not_found</extracomment>
      <translation>no parked cart {id} on this terminal (recalled already?)</translation>
    </message>
    <message>
      <source>{waiting} carts are parked already (at most {max}): recall or cancel one</source>
      <extracomment>park.too_many</extracomment>
      <translation>{waiting} carts are parked already (at most {max}): recall or cancel one</translation>
    </message>
    <message>
      <source>day must be YYYY-MM-DD, got '{day}'</source>
      <extracomment>performance.bad_day</extracomment>
      <translation>day must be YYYY-MM-DD, got '{day}'</translation>
    </message>
    <message>
      <source>month must be YYYY-MM, got '{month}'</source>
      <extracomment>performance.bad_month</extracomment>
      <translation>month must be YYYY-MM, got '{month}'</translation>
    </message>
    <message>
      <source>no active staff member {staff} to credit the sale to</source>
      <extracomment>performance.unknown_assistant</extracomment>
      <translation>no active staff member {staff} to credit the sale to</translation>
    </message>
    <message>
      <source>member has {have} points; {asked} asked</source>
      <extracomment>points.not_enough</extracomment>
      <translation>member has {have} points; {asked} asked</translation>
    </message>
    <message>
      <source>points to transfer must be above zero</source>
      <extracomment>points.transfer_not_positive</extracomment>
      <translation>points to transfer must be above zero</translation>
    </message>
    <message>
      <source>this program does not allow points transfers (points.transfer_allowed)</source>
      <extracomment>points.transfer_off</extracomment>
      <translation>this program does not allow points transfers (points.transfer_allowed)</translation>
    </message>
    <message>
      <source>cannot transfer points to the same member</source>
      <extracomment>points.transfer_same</extracomment>
      <translation>cannot transfer points to the same member</translation>
    </message>
    <message>
      <source>line {line} ({item}): quantity must be at least 1, got {qty}</source>
      <extracomment>pricing.bad_qty</extracomment>
      <translation>line {line} ({item}): quantity must be at least 1, got {qty}</translation>
    </message>
    <message>
      <source>line {line} ({item}): a manual discount keeps {min} to 0.99 of the price (9折 = 0.90), got {rate}</source>
      <extracomment>pricing.manual_rate</extracomment>
      <translation>line {line} ({item}): a manual discount keeps {min} to 0.99 of the price (9折 = 0.90), got {rate}</translation>
    </message>
    <message>
      <source>the sale time must carry a time zone</source>
      <extracomment>pricing.naive_time</extracomment>
      <translation>the sale time must carry a time zone</translation>
    </message>
    <message>
      <source>line {line} ({item}): price must not be negative</source>
      <extracomment>pricing.negative_price</extracomment>
      <translation>line {line} ({item}): price must not be negative</translation>
    </message>
    <message>
      <source>{file}: {key}: unknown key, ignored</source>
      <extracomment>program.unknown_key</extracomment>
      <translation>{file}: {key}: unknown key, ignored</translation>
    </message>
    <message>
      <source>{file} line {line}: {key}: unknown key, ignored</source>
      <extracomment>program.unknown_key_at</extracomment>
      <translation>{file} line {line}: {key}: unknown key, ignored</translation>
    </message>
    <message>
      <source>receipt {receipt} is already saved; a number is used once</source>
      <extracomment>receipt.already_saved</extracomment>
      <translation>receipt {receipt} is already saved; a number is used once</translation>
    </message>
    <message>
      <source>no sale or refund '{receipt}' on this terminal</source>
      <extracomment>receipt.no_sale</extracomment>
      <translation>no sale or refund '{receipt}' on this terminal</translation>
    </message>
    <message>
      <source>no top-up '{receipt}' on this terminal</source>
      <extracomment>receipt.no_topup</extracomment>
      <translation>no top-up '{receipt}' on this terminal</translation>
    </message>
    <message>
      <source>{receipt} is a sale, not a refund</source>
      <extracomment>receipt.not_a_refund</extracomment>
      <translation>{receipt} is a sale, not a refund</translation>
    </message>
    <message>
      <source>no saved receipt '{receipt}' on this terminal</source>
      <extracomment>receipt.not_saved</extracomment>
      <translation>no saved receipt '{receipt}' on this terminal</translation>
    </message>
    <message>
      <source>sale {sale} is already fully refunded</source>
      <extracomment>refund.all_refunded</extracomment>
      <translation>sale {sale} is already fully refunded</translation>
    </message>
    <message>
      <source>sale {sale} has no line {line} (lines 1-{lines})</source>
      <extracomment>refund.no_line</extracomment>
      <translation>sale {sale} has no line {line} (lines 1-{lines})</translation>
    </message>
    <message>
      <source>{sale} is a refund; refund the original sale</source>
      <extracomment>refund.of_refund</extracomment>
      <translation>{sale} is a refund; refund the original sale</translation>
    </message>
    <message>
      <source>line {line}: only {left} of {qty} can still be refunded</source>
      <extracomment>refund.qty_high</extracomment>
      <translation>line {line}: only {left} of {qty} can still be refunded</translation>
    </message>
    <message>
      <source>line {line}: quantity to refund must be at least 1</source>
      <extracomment>refund.qty_low</extracomment>
      <translation>line {line}: quantity to refund must be at least 1</translation>
    </message>
    <message>
      <source>cashier</source>
      <extracomment>role.cashier</extracomment>
      <translation>cashier</translation>
    </message>
    <message>
      <source>manager</source>
      <extracomment>role.manager</extracomment>
      <translation>manager</translation>
    </message>
    <message>
      <source>supervisor</source>
      <extracomment>role.supervisor</extracomment>
      <translation>supervisor</translation>
    </message>
    <message>
      <source>item {item}: quantity must be 1 to {max}, got {qty}</source>
      <extracomment>sale.bad_qty</extracomment>
      <translation>item {item}: quantity must be 1 to {max}, got {qty}</translation>
    </message>
    <message>
      <source>the sale time must carry a time zone (e.g. 2026-11-09T14:00:00+08:00)</source>
      <extracomment>sale.naive_time</extracomment>
      <translation>the sale time must carry a time zone (e.g. 2026-11-09T14:00:00+08:00)</translation>
    </message>
    <message>
      <source>item {item}: a price cannot be negative</source>
      <extracomment>sale.negative_price</extracomment>
      <translation>item {item}: a price cannot be negative</translation>
    </message>
    <message>
      <source>a sale needs at least one item</source>
      <extracomment>sale.no_items</extracomment>
      <translation>a sale needs at least one item</translation>
    </message>
    <message>
      <source>a sale needs at least one tender (e.g. --tender cash)</source>
      <extracomment>sale.no_tender</extracomment>
      <translation>a sale needs at least one tender (e.g. --tender cash)</translation>
    </message>
    <message>
      <source>no sale '{sale}' on this terminal</source>
      <extracomment>sale.not_found</extracomment>
      <translation>no sale '{sale}' on this terminal</translation>
    </message>
    <message>
      <source>Nothing found for {code}</source>
      <extracomment>sale.nothing_found</extracomment>
      <translation>Nothing found for {code}</translation>
    </message>
    <message>
      <source>item '{item}' (line {line}) is not in the catalog</source>
      <extracomment>sale.unknown_item</extracomment>
      <translation>item '{item}' (line {line}) is not in the catalog</translation>
    </message>
    <message>
      <source>a shift is already open on this terminal: close it first</source>
      <extracomment>shift.already_open</extracomment>
      <translation>a shift is already open on this terminal: close it first</translation>
    </message>
    <message>
      <source>counted cash cannot be negative</source>
      <extracomment>shift.counted_negative</extracomment>
      <translation>counted cash cannot be negative</translation>
    </message>
    <message>
      <source>a cash float above {max} is not plausible</source>
      <extracomment>shift.float_high</extracomment>
      <translation>a cash float above {max} is not plausible</translation>
    </message>
    <message>
      <source>the cash float cannot be negative</source>
      <extracomment>shift.float_negative</extracomment>
      <translation>the cash float cannot be negative</translation>
    </message>
    <message>
      <source>a card return</source>
      <extracomment>shift.for_card_return</extracomment>
      <translation>a card return</translation>
    </message>
    <message>
      <source>a card sale</source>
      <extracomment>shift.for_card_sale</extracomment>
      <translation>a card sale</translation>
    </message>
    <message>
      <source>a refund</source>
      <extracomment>shift.for_refund</extracomment>
      <translation>a refund</translation>
    </message>
    <message>
      <source>a sale</source>
      <extracomment>shift.for_sale</extracomment>
      <translation>a sale</translation>
    </message>
    <message>
      <source>a top-up</source>
      <extracomment>shift.for_topup</extracomment>
      <translation>a top-up</translation>
    </message>
    <message>
      <source>a void</source>
      <extracomment>shift.for_void</extracomment>
      <translation>a void</translation>
    </message>
    <message>
      <source>no shift is open on this terminal: open a shift with a cash float before {what} (pos shift open --float AMOUNT, or Shift in the app)</source>
      <extracomment>shift.needed</extracomment>
      <translation>no shift is open on this terminal: open a shift with a cash float before {what} (pos shift open --float AMOUNT, or Shift in the app)</translation>
    </message>
    <message>
      <source>shift {shift} has no opening row in the ledger</source>
      <extracomment>shift.no_opening</extracomment>
      <translation>shift {shift} has no opening row in the ledger</translation>
    </message>
    <message>
      <source>no shift is open: open one with a cash float first</source>
      <extracomment>shift.none_open</extracomment>
      <translation>no shift is open: open one with a cash float first</translation>
    </message>
    <message>
      <source>role must be one of {allowed}, got '{role}'</source>
      <extracomment>staff.bad_role</extracomment>
      <translation>role must be one of {allowed}, got '{role}'</translation>
    </message>
    <message>
      <source>staff code '{staff}' already exists</source>
      <extracomment>staff.code_taken</extracomment>
      <translation>staff code '{staff}' already exists</translation>
    </message>
    <message>
      <source>--at {at} is in the future; a late entry is for a sale made earlier</source>
      <extracomment>staff.late_entry_future</extracomment>
      <translation>--at {at} is in the future; a late entry is for a sale made earlier</translation>
    </message>
    <message>
      <source>staff {staff} is locked after {failures} wrong PINs until {until}</source>
      <extracomment>staff.locked</extracomment>
      <translation>staff {staff} is locked after {failures} wrong PINs until {until}</translation>
    </message>
    <message>
      <source>staff {staff} ({role}) may not approve {action}</source>
      <extracomment>staff.may_not_approve</extracomment>
      <translation>staff {staff} ({role}) may not approve {action}</translation>
    </message>
    <message>
      <source>{action} needs a {role}'s approval</source>
      <extracomment>staff.needs_approval</extracomment>
      <translation>{action} needs a {role}'s approval</translation>
    </message>
    <message>
      <source>{action} needs a {role} named with --staff CODE and their PIN</source>
      <extracomment>staff.needs_named</extracomment>
      <translation>{action} needs a {role} named with --staff CODE and their PIN</translation>
    </message>
    <message>
      <source>{action} needs a {role} named with --staff CODE and their PIN or approving with --approver</source>
      <extracomment>staff.needs_named_or_approver</extracomment>
      <translation>{action} needs a {role} named with --staff CODE and their PIN or approving with --approver</translation>
    </message>
    <message>
      <source>{action} needs a {role}</source>
      <extracomment>staff.needs_role</extracomment>
      <translation>{action} needs a {role}</translation>
    </message>
    <message>
      <source>nobody is logged in</source>
      <extracomment>staff.nobody</extracomment>
      <translation>nobody is logged in</translation>
    </message>
    <message>
      <source>a PIN is 4 to 8 digits</source>
      <extracomment>staff.pin_format</extracomment>
      <translation>a PIN is 4 to 8 digits</translation>
    </message>
    <message>
      <source>'{staff}' is the command line's own name; choose another staff code</source>
      <extracomment>staff.reserved_code</extracomment>
      <translation>'{staff}' is the command line's own name; choose another staff code</translation>
    </message>
    <message>
      <source>no active staff member '{staff}'</source>
      <extracomment>staff.unknown</extracomment>
      <translation>no active staff member '{staff}'</translation>
    </message>
    <message>
      <source>wrong PIN for staff {staff}</source>
      <extracomment>staff.wrong_pin</extracomment>
      <translation>wrong PIN for staff {staff}</translation>
    </message>
    <message>
      <source>active</source>
      <extracomment>status.active</extracomment>
      <translation>active</translation>
    </message>
    <message>
      <source>blocked</source>
      <extracomment>status.blocked</extracomment>
      <translation>blocked</translation>
    </message>
    <message>
      <source>closed</source>
      <extracomment>status.closed</extracomment>
      <translation>closed</translation>
    </message>
    <message>
      <source>expired</source>
      <extracomment>status.expired</extracomment>
      <translation>expired</translation>
    </message>
    <message>
      <source>in stock</source>
      <extracomment>status.in_stock</extracomment>
      <translation>in stock</translation>
    </message>
    <message>
      <source>issued</source>
      <extracomment>status.issued</extracomment>
      <translation>issued</translation>
    </message>
    <message>
      <source>open</source>
      <extracomment>status.open</extracomment>
      <translation>open</translation>
    </message>
    <message>
      <source>pending</source>
      <extracomment>status.pending</extracomment>
      <translation>pending</translation>
    </message>
    <message>
      <source>replaced</source>
      <extracomment>status.replaced</extracomment>
      <translation>replaced</translation>
    </message>
    <message>
      <source>sold</source>
      <extracomment>status.sold</extracomment>
      <translation>sold</translation>
    </message>
    <message>
      <source>the ledger file in {folder} cannot be opened; nothing was changed</source>
      <extracomment>storage.cannot_open</extracomment>
      <translation>the ledger file in {folder} cannot be opened; nothing was changed</translation>
    </message>
    <message>
      <source>cannot write {file}; nothing was changed</source>
      <extracomment>storage.cannot_write</extracomment>
      <translation>cannot write {file}; nothing was changed</translation>
    </message>
    <message>
      <source>the disk holding {folder} is full; nothing was changed</source>
      <extracomment>storage.disk_full</extracomment>
      <translation>the disk holding {folder} is full; nothing was changed</translation>
    </message>
    <message>
      <source>the disk holding {folder} failed to read or write; nothing was changed</source>
      <extracomment>storage.io_error</extracomment>
      <translation>the disk holding {folder} failed to read or write; nothing was changed</translation>
    </message>
    <message>
      <source>the ledger is locked by another program (waited {seconds} s); nothing was changed</source>
      <extracomment>storage.locked</extracomment>
      <translation>the ledger is locked by another program (waited {seconds} s); nothing was changed</translation>
    </message>
    <message>
      <source>the data folder {folder} is read-only; nothing was changed</source>
      <extracomment>storage.read_only</extracomment>
      <translation>the data folder {folder} is read-only; nothing was changed</translation>
    </message>
    <message>
      <source>card {card} is blocked by HQ: {reason}</source>
      <extracomment>sv.blocked_by_hq</extracomment>
      <translation>card {card} is blocked by HQ: {reason}</translation>
    </message>
    <message>
      <source>card {card} is blocked for offline use by HQ: {reason}</source>
      <extracomment>sv.blocked_offline</extracomment>
      <translation>card {card} is blocked for offline use by HQ: {reason}</translation>
    </message>
    <message>
      <source>an anonymous</source>
      <extracomment>sv.kind_anonymous</extracomment>
      <translation>an anonymous</translation>
    </message>
    <message>
      <source>a registered</source>
      <extracomment>sv.kind_named</extracomment>
      <translation>a registered</translation>
    </message>
    <message>
      <source>card {card} may spend {limit} a day; {used} already spent today</source>
      <extracomment>sv.limit_per_day</extracomment>
      <translation>card {card} may spend {limit} a day; {used} already spent today</translation>
    </message>
    <message>
      <source>card {card} may spend at most {limit} per sale</source>
      <extracomment>sv.limit_per_sale</extracomment>
      <translation>card {card} may spend at most {limit} per sale</translation>
    </message>
    <message>
      <source>stored value pays only when the member's card is presented</source>
      <extracomment>sv.needs_card</extracomment>
      <translation>stored value pays only when the member's card is presented</translation>
    </message>
    <message>
      <source>HQ is unreachable and this terminal's offline stored-value budget has {left} left</source>
      <extracomment>sv.offline_budget</extracomment>
      <translation>HQ is unreachable and this terminal's offline stored-value budget has {left} left</translation>
    </message>
    <message>
      <source>HQ is unreachable: card {card} may spend at most {cap} offline on this terminal; {used} already spent</source>
      <extracomment>sv.offline_card_cap</extracomment>
      <translation>HQ is unreachable: card {card} may spend at most {cap} offline on this terminal; {used} already spent</translation>
    </message>
    <message>
      <source>balance would be {balance}, over the {cap} cap of {kind} card; at most {room} more can be added</source>
      <extracomment>sv.over_cap</extracomment>
      <translation>balance would be {balance}, over the {cap} cap of {kind} card; at most {room} more can be added</translation>
    </message>
    <message>
      <source>a purchase of {amount} or more needs the holder's ID number on file (real-name threshold {threshold})</source>
      <extracomment>sv.real_name</extracomment>
      <translation>a purchase of {amount} or more needs the holder's ID number on file (real-name threshold {threshold})</translation>
    </message>
    <message>
      <source>stored value balance {balance}</source>
      <extracomment>sv.room_balance</extracomment>
      <translation>stored value balance {balance}</translation>
    </message>
    <message>
      <source>HQ is unreachable: this terminal's offline stored-value budget</source>
      <extracomment>sv.room_offline_budget</extracomment>
      <translation>HQ is unreachable: this terminal's offline stored-value budget</translation>
    </message>
    <message>
      <source>HQ is unreachable: at most {cap} per card offline, {used} already spent</source>
      <extracomment>sv.room_offline_cap</extracomment>
      <translation>HQ is unreachable: at most {cap} per card offline, {used} already spent</translation>
    </message>
    <message>
      <source>the card's limit of {limit} a day ({used} spent today)</source>
      <extracomment>sv.room_per_day</extracomment>
      <translation>the card's limit of {limit} a day ({used} spent today)</translation>
    </message>
    <message>
      <source>the card's limit of {limit} per sale</source>
      <extracomment>sv.room_per_sale</extracomment>
      <translation>the card's limit of {limit} per sale</translation>
    </message>
    <message>
      <source>stored value {balance} is less than {amount}</source>
      <extracomment>sv.short</extracomment>
      <translation>stored value {balance} is less than {amount}</translation>
    </message>
    <message>
      <source>top-up amount must be above zero, got {amount}</source>
      <extracomment>sv.topup_not_positive</extracomment>
      <translation>top-up amount must be above zero, got {amount}</translation>
    </message>
    <message>
      <source>top up the main card; a supplementary card spends from it</source>
      <extracomment>sv.topup_supplementary</extracomment>
      <translation>top up the main card; a supplementary card spends from it</translation>
    </message>
    <message>
      <source>a top-up is paid by {allowed}, not '{tender}'</source>
      <extracomment>sv.topup_tender</extracomment>
      <translation>a top-up is paid by {allowed}, not '{tender}'</translation>
    </message>
    <message>
      <source>another sync is running for this terminal</source>
      <extracomment>sync.busy</extracomment>
      <translation>another sync is running for this terminal</translation>
    </message>
    <message>
      <source>card {card}: this terminal's own events put ¥{here} on it, HQ holds ¥{hq} of them</source>
      <extracomment>sync.card_mismatch</extracomment>
      <translation>card {card}: this terminal's own events put ¥{here} on it, HQ holds ¥{hq} of them</translation>
    </message>
    <message>
      <source>device clock is off HQ's by {seconds} s</source>
      <extracomment>sync.clock_skew</extracomment>
      <translation>device clock is off HQ's by {seconds} s</translation>
    </message>
    <message>
      <source>HQ refused this terminal's credentials</source>
      <extracomment>sync.credentials_refused</extracomment>
      <translation>HQ refused this terminal's credentials</translation>
    </message>
    <message>
      <source>HQ {problem} event {event}</source>
      <extracomment>sync.event_refused</extracomment>
      <translation>HQ {problem} event {event}</translation>
    </message>
    <message>
      <source>sync: {problem}</source>
      <extracomment>sync.failed</extracomment>
      <translation>sync: {problem}</translation>
    </message>
    <message>
      <source>HQ answered {status}: {text}</source>
      <extracomment>sync.hq_answered</extracomment>
      <translation>HQ answered {status}: {text}</translation>
    </message>
    <message>
      <source>HQ error {status}</source>
      <extracomment>sync.hq_error</extracomment>
      <translation>HQ error {status}</translation>
    </message>
    <message>
      <source>HQ: this terminal's ledger was rewritten: {detail}</source>
      <extracomment>sync.ledger_rewritten</extracomment>
      <translation>HQ: this terminal's ledger was rewritten: {detail}</translation>
    </message>
    <message>
      <source>sync register needs --token or $POS_HQ_TOKEN</source>
      <extracomment>sync.needs_token</extracomment>
      <translation>sync register needs --token or $POS_HQ_TOKEN</translation>
    </message>
    <message>
      <source>this terminal is not registered with HQ: run 'pos sync register'</source>
      <extracomment>sync.not_registered</extracomment>
      <translation>this terminal is not registered with HQ: run 'pos sync register'</translation>
    </message>
    <message>
      <source>HQ's program was not applied: {detail}</source>
      <extracomment>sync.program_not_applied</extracomment>
      <translation>HQ's program was not applied: {detail}</translation>
    </message>
    <message>
      <source>HQ saw a {problem}: this terminal's events were renumbered</source>
      <extracomment>sync.renumbered</extracomment>
      <translation>HQ saw a {problem}: this terminal's events were renumbered</translation>
    </message>
    <message>
      <source>HQ answers {problem} at sequence {seq} again</source>
      <extracomment>sync.same_problem_again</extracomment>
      <translation>HQ answers {problem} at sequence {seq} again</translation>
    </message>
    <message>
      <source>fork</source>
      <extracomment>sync.seen.fork</extracomment>
      <translation>fork</translation>
    </message>
    <message>
      <source>rewind</source>
      <extracomment>sync.seen.rewind</extracomment>
      <translation>rewind</translation>
    </message>
    <message>
      <source>HQ unreachable: {detail}</source>
      <extracomment>sync.unreachable</extracomment>
      <translation>HQ unreachable: {detail}</translation>
    </message>
    <message>
      <source>upload did not finish</source>
      <extracomment>sync.upload_unfinished</extracomment>
      <translation>upload did not finish</translation>
    </message>
    <message>
      <source>only the last tender may leave out its amount</source>
      <extracomment>tender.amount_missing</extracomment>
      <translation>only the last tender may leave out its amount</translation>
    </message>
    <message>
      <source>tender {no} ({kind}): amount must be above zero</source>
      <extracomment>tender.amount_not_positive</extracomment>
      <translation>tender {no} ({kind}): amount must be above zero</translation>
    </message>
    <message>
      <source>tender {no} ({kind}): nothing is left to pay</source>
      <extracomment>tender.nothing_due</extracomment>
      <translation>tender {no} ({kind}): nothing is left to pay</translation>
    </message>
    <message>
      <source>tender {no} ({kind}) of {amount} is more than the {due} left to pay; only cash gives change</source>
      <extracomment>tender.over_due</extracomment>
      <translation>tender {no} ({kind}) of {amount} is more than the {due} left to pay; only cash gives change</translation>
    </message>
    <message>
      <source>a points tender needs a number of points, e.g. points:200</source>
      <extracomment>tender.points_count</extracomment>
      <translation>a points tender needs a number of points, e.g. points:200</translation>
    </message>
    <message>
      <source>points can pay only when a member is attached</source>
      <extracomment>tender.points_need_member</extracomment>
      <translation>points can pay only when a member is attached</translation>
    </message>
    <message>
      <source>{points} points ({value}) are more than the {due} left to pay</source>
      <extracomment>tender.points_over_due</extracomment>
      <translation>{points} points ({value}) are more than the {due} left to pay</translation>
    </message>
    <message>
      <source>points may pay at most {cap} of this sale ({share} of {total}); {points} points are {value}</source>
      <extracomment>tender.points_share</extracomment>
      <translation>points may pay at most {cap} of this sale ({share} of {total}); {points} points are {value}</translation>
    </message>
    <message>
      <source>a supplementary card cannot pay with the main member's points</source>
      <extracomment>tender.points_supplementary</extracomment>
      <translation>a supplementary card cannot pay with the main member's points</translation>
    </message>
    <message>
      <source>points are paid in whole units of {unit}, got {points}</source>
      <extracomment>tender.points_unit</extracomment>
      <translation>points are paid in whole units of {unit}, got {points}</translation>
    </message>
    <message>
      <source>a bank-card reference is at most {max} characters (never track data)</source>
      <extracomment>tender.reference_long</extracomment>
      <translation>a bank-card reference is at most {max} characters (never track data)</translation>
    </message>
    <message>
      <source>tenders cover {paid} of {total}; {due} still due</source>
      <extracomment>tender.short</extracomment>
      <translation>tenders cover {paid} of {total}; {due} still due</translation>
    </message>
    <message>
      <source>tender '{kind}' is not one of {allowed}</source>
      <extracomment>tender.unknown_kind</extracomment>
      <translation>tender '{kind}' is not one of {allowed}</translation>
    </message>
    <message>
      <source>{folder} already holds a terminal ledger; nothing was changed</source>
      <extracomment>terminal.already_set_up</extracomment>
      <translation>{folder} already holds a terminal ledger; nothing was changed</translation>
    </message>
    <message>
      <source>card block must be 1..9999, got {block}</source>
      <extracomment>terminal.bad_card_block</extracomment>
      <translation>card block must be 1..9999, got {block}</translation>
    </message>
    <message>
      <source>{name} must be 1-40 letters, digits, '-' or '_', got '{value}'</source>
      <extracomment>terminal.bad_identifier</extracomment>
      <translation>{name} must be 1-40 letters, digits, '-' or '_', got '{value}'</translation>
    </message>
    <message>
      <source>the clock must give time-zone aware times</source>
      <extracomment>terminal.naive_clock</extracomment>
      <translation>the clock must give time-zone aware times</translation>
    </message>
    <message>
      <source>{folder} has no terminal ledger: run 'pos init' first</source>
      <extracomment>terminal.no_ledger</extracomment>
      <translation>{folder} has no terminal ledger: run 'pos init' first</translation>
    </message>
    <message>
      <source>{folder} is not set up: run 'pos init' first</source>
      <extracomment>terminal.not_set_up</extracomment>
      <translation>{folder} is not set up: run 'pos init' first</translation>
    </message>
    <message>
      <source>{folder} belongs to user '{user}': run the command as that user (sudo -u {user} pos ...), not as root</source>
      <extracomment>terminal.root_on_users_folder</extracomment>
      <translation>{folder} belongs to user '{user}': run the command as that user (sudo -u {user} pos ...), not as root</translation>
    </message>
    <message>
      <source>by hand: {reason}</source>
      <extracomment>tier.reason.by_hand</extracomment>
      <translation>by hand: {reason}</translation>
    </message>
    <message>
      <source>downgrade on review: 12 months {spent} &lt; keep {keep}</source>
      <extracomment>tier.reason.downgrade</extracomment>
      <translation>downgrade on review: 12 months {spent} &lt; keep {keep}</translation>
    </message>
    <message>
      <source>upgrade: 12 months {spent} ≥ {rule}</source>
      <extracomment>tier.reason.rolling_12m</extracomment>
      <translation>upgrade: 12 months {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>upgrade: single day {spent} ≥ {rule}</source>
      <extracomment>tier.reason.single_day</extracomment>
      <translation>upgrade: single day {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>upgrade: single purchase {spent} ≥ {rule}</source>
      <extracomment>tier.reason.single_purchase</extracomment>
      <translation>upgrade: single purchase {spent} ≥ {rule}</translation>
    </message>
    <message>
      <source>account {account}: balance {balance} but entries sum to {sum}</source>
      <extracomment>verify.account_balance</extracomment>
      <translation>account {account}: balance {balance} but entries sum to {sum}</translation>
    </message>
    <message>
      <source>audit row {row} acknowledged by HQ at {at} is missing or changed</source>
      <extracomment>verify.anchor_audit</extracomment>
      <translation>audit row {row} acknowledged by HQ at {at} is missing or changed</translation>
    </message>
    <message>
      <source>outbox: event {seq} acknowledged by HQ at {at} is missing or changed</source>
      <extracomment>verify.anchor_event</extracomment>
      <translation>outbox: event {seq} acknowledged by HQ at {at} is missing or changed</translation>
    </message>
    <message>
      <source>sync: the chain heads HQ acknowledged are not sealed by this terminal's key</source>
      <extracomment>verify.anchor_not_sealed</extracomment>
      <translation>sync: the chain heads HQ acknowledged are not sealed by this terminal's key</translation>
    </message>
    <message>
      <source>sync: the chain heads HQ acknowledged are unreadable</source>
      <extracomment>verify.anchor_unreadable</extracomment>
      <translation>sync: the chain heads HQ acknowledged are unreadable</translation>
    </message>
    <message>
      <source>audit row {row}: content does not match its hash</source>
      <extracomment>verify.audit_hash</extracomment>
      <translation>audit row {row}: content does not match its hash</translation>
    </message>
    <message>
      <source>audit row {row} named by event {seq} is missing or changed</source>
      <extracomment>verify.audit_head</extracomment>
      <translation>audit row {row} named by event {seq} is missing or changed</translation>
    </message>
    <message>
      <source>audit row {row}: link to the previous row is broken</source>
      <extracomment>verify.audit_link</extracomment>
      <translation>audit row {row}: link to the previous row is broken</translation>
    </message>
    <message>
      <source>audit row {row} is not sealed by this terminal's chain key</source>
      <extracomment>verify.audit_not_sealed</extracomment>
      <translation>audit row {row} is not sealed by this terminal's chain key</translation>
    </message>
    <message>
      <source>audit log: {written} rows written but {kept} kept (rows were removed)</source>
      <extracomment>verify.audit_removed</extracomment>
      <translation>audit log: {written} rows written but {kept} kept (rows were removed)</translation>
    </message>
    <message>
      <source>account {account} is overdrawn by {amount}</source>
      <extracomment>verify.card_overdrawn</extracomment>
      <translation>account {account} is overdrawn by {amount}</translation>
    </message>
    <message>
      <source>{what}: commission ¥{commission} of {seller} not reversed in its journal</source>
      <extracomment>verify.card_return_commission</extracomment>
      <translation>{what}: commission ¥{commission} of {seller} not reversed in its journal</translation>
    </message>
    <message>
      <source>{what}: ¥{paid} given back but its journal paid out ¥{gave}</source>
      <extracomment>verify.card_return_paid</extracomment>
      <translation>{what}: ¥{paid} given back but its journal paid out ¥{gave}</translation>
    </message>
    <message>
      <source>{what}: ¥{below} below face but the cards' bonus moved ¥{bonus}</source>
      <extracomment>verify.card_sale_bonus</extracomment>
      <translation>{what}: ¥{below} below face but the cards' bonus moved ¥{bonus}</translation>
    </message>
    <message>
      <source>{what}: commission ¥{commission} to {seller} not in its journal</source>
      <extracomment>verify.card_sale_commission</extracomment>
      <translation>{what}: commission ¥{commission} to {seller} not in its journal</translation>
    </message>
    <message>
      <source>{what}: ¥{paid} paid but its journal took in ¥{took} as principal ¥{principal}</source>
      <extracomment>verify.card_sale_paid</extracomment>
      <translation>{what}: ¥{paid} paid but its journal took in ¥{took} as principal ¥{principal}</translation>
    </message>
    <message>
      <source>{unit}: debits {debits} do not equal credits {credits}</source>
      <extracomment>verify.debits_credits</extracomment>
      <translation>{unit}: debits {debits} do not equal credits {credits}</translation>
    </message>
    <message>
      <source>{journal}: entries differ from those its event {seq} carried</source>
      <extracomment>verify.event_entries</extracomment>
      <translation>{journal}: entries differ from those its event {seq} carried</translation>
    </message>
    <message>
      <source>outbox: event {seq} content does not match its hash</source>
      <extracomment>verify.event_hash</extracomment>
      <translation>outbox: event {seq} content does not match its hash</translation>
    </message>
    <message>
      <source>outbox: event {seq} ({kind}) carries a journal that is missing</source>
      <extracomment>verify.event_journal_missing</extracomment>
      <translation>outbox: event {seq} ({kind}) carries a journal that is missing</translation>
    </message>
    <message>
      <source>outbox: event {seq} does not link to event {previous}</source>
      <extracomment>verify.event_link</extracomment>
      <translation>outbox: event {seq} does not link to event {previous}</translation>
    </message>
    <message>
      <source>outbox: event {seq} is not sealed by this terminal's chain key</source>
      <extracomment>verify.event_not_sealed</extracomment>
      <translation>outbox: event {seq} is not sealed by this terminal's chain key</translation>
    </message>
    <message>
      <source>{journal}: event {seq} names journal {named}</source>
      <extracomment>verify.event_other_journal</extracomment>
      <translation>{journal}: event {seq} names journal {named}</translation>
    </message>
    <message>
      <source>{journal}: event {seq} names record {record}</source>
      <extracomment>verify.event_other_record</extracomment>
      <translation>{journal}: event {seq} names record {record}</translation>
    </message>
    <message>
      <source>outbox: event {event} has sequence {seq}, expected {expected}</source>
      <extracomment>verify.event_sequence</extracomment>
      <translation>outbox: event {event} has sequence {seq}, expected {expected}</translation>
    </message>
    <message>
      <source>outbox: {numbered} numbered but {kept} kept (rows were removed)</source>
      <extracomment>verify.events_removed</extracomment>
      <translation>outbox: {numbered} numbered but {kept} kept (rows were removed)</translation>
    </message>
    <message>
      <source>journal {seq} ({kind} {ref})</source>
      <extracomment>verify.journal</extracomment>
      <translation>journal {seq} ({kind} {ref})</translation>
    </message>
    <message>
      <source>journal #{id}</source>
      <extracomment>verify.journal_id</extracomment>
      <translation>journal #{id}</translation>
    </message>
    <message>
      <source>{journal}: member {member} points entry {booked} but the lots it made and drew come to {lots}</source>
      <extracomment>verify.journal_member_points</extracomment>
      <translation>{journal}: member {member} points entry {booked} but the lots it made and drew come to {lots}</translation>
    </message>
    <message>
      <source>{journal}: has no outbox event</source>
      <extracomment>verify.journal_no_event</extracomment>
      <translation>{journal}: has no outbox event</translation>
    </message>
    <message>
      <source>{journal}: names no business record</source>
      <extracomment>verify.journal_no_record</extracomment>
      <translation>{journal}: names no business record</translation>
    </message>
    <message>
      <source>journal {journal} does not balance in {unit}: off by {off}</source>
      <extracomment>verify.journal_unbalanced</extracomment>
      <translation>journal {journal} does not balance in {unit}: off by {off}</translation>
    </message>
    <message>
      <source>journal: {numbered} numbered but {kept} kept (rows were removed)</source>
      <extracomment>verify.journals_removed</extracomment>
      <translation>journal: {numbered} numbered but {kept} kept (rows were removed)</translation>
    </message>
    <message>
      <source>{what}: line {line} is ¥{amount} but its tender shares add up to ¥{shares}</source>
      <extracomment>verify.line_shares</extracomment>
      <translation>{what}: line {line} is ¥{amount} but its tender shares add up to ¥{shares}</translation>
    </message>
    <message>
      <source>points lot {lot} of member {member}: {remaining} remaining but {points} less {drawn} drawn</source>
      <extracomment>verify.lot_remaining</extracomment>
      <translation>points lot {lot} of member {member}: {remaining} remaining but {points} less {drawn} drawn</translation>
    </message>
    <message>
      <source>member {member}: points account {points} but lots hold {lots}</source>
      <extracomment>verify.member_points</extracomment>
      <translation>member {member}: points account {points} but lots hold {lots}</translation>
    </message>
    <message>
      <source>amount</source>
      <extracomment>verify.part_amount</extracomment>
      <translation>amount</translation>
    </message>
    <message>
      <source>bonus</source>
      <extracomment>verify.part_bonus</extracomment>
      <translation>bonus</translation>
    </message>
    <message>
      <source>principal</source>
      <extracomment>verify.part_principal</extracomment>
      <translation>principal</translation>
    </message>
    <message>
      <source>{kind} {ref}: booked by {count} journals</source>
      <extracomment>verify.record_booked_twice</extracomment>
      <translation>{kind} {ref}: booked by {count} journals</translation>
    </message>
    <message>
      <source>{kind} {ref}: its journal is missing</source>
      <extracomment>verify.record_journal_missing</extracomment>
      <translation>{kind} {ref}: its journal is missing</translation>
    </message>
    <message>
      <source>{kind} {ref}: its journal {seq} books {booked_kind} {booked_ref}</source>
      <extracomment>verify.record_journal_other</extracomment>
      <translation>{kind} {ref}: its journal {seq} books {booked_kind} {booked_ref}</translation>
    </message>
    <message>
      <source>{journal}: its {kind} record {ref} is missing</source>
      <extracomment>verify.record_missing</extracomment>
      <translation>{journal}: its {kind} record {ref} is missing</translation>
    </message>
    <message>
      <source>{kind} {ref}: {count} records share one number</source>
      <extracomment>verify.record_shared</extracomment>
      <translation>{kind} {ref}: {count} records share one number</translation>
    </message>
    <message>
      <source>{what}: lines earned {lines} points, the sale {points}</source>
      <extracomment>verify.sale_line_points</extracomment>
      <translation>{what}: lines earned {lines} points, the sale {points}</translation>
    </message>
    <message>
      <source>{what}: lines add up to ¥{lines}, not the total ¥{total}</source>
      <extracomment>verify.sale_lines</extracomment>
      <translation>{what}: lines add up to ¥{lines}, not the total ¥{total}</translation>
    </message>
    <message>
      <source>{what}: {points} points earned but its journal issued {issued}</source>
      <extracomment>verify.sale_points_earned</extracomment>
      <translation>{what}: {points} points earned but its journal issued {issued}</translation>
    </message>
    <message>
      <source>{what}: {points} points tendered but its journal redeemed {redeemed}</source>
      <extracomment>verify.sale_points_redeemed</extracomment>
      <translation>{what}: {points} points tendered but its journal redeemed {redeemed}</translation>
    </message>
    <message>
      <source>{what}: points tenders worth ¥{value} but points:redemption booked ¥{booked}</source>
      <extracomment>verify.sale_points_value</extracomment>
      <translation>{what}: points tenders worth ¥{value} but points:redemption booked ¥{booked}</translation>
    </message>
    <message>
      <source>{what}: stored-value {part} ¥{paid} but the cards' entries move ¥{moved}</source>
      <extracomment>verify.sale_stored_value</extracomment>
      <translation>{what}: stored-value {part} ¥{paid} but the cards' entries move ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: {kind} tenders ¥{paid} but {account} booked ¥{booked}</source>
      <extracomment>verify.sale_tender_kind</extracomment>
      <translation>{what}: {kind} tenders ¥{paid} but {account} booked ¥{booked}</translation>
    </message>
    <message>
      <source>{what}: tenders add up to ¥{tenders}, not the total ¥{total}</source>
      <extracomment>verify.sale_tenders</extracomment>
      <translation>{what}: tenders add up to ¥{tenders}, not the total ¥{total}</translation>
    </message>
    <message>
      <source>{what}: total ¥{total} but its journal books ¥{booked}</source>
      <extracomment>verify.sale_total</extracomment>
      <translation>{what}: total ¥{total} but its journal books ¥{booked}</translation>
    </message>
    <message>
      <source>journal sequence has gaps: {count} rows numbered {first}..{last}</source>
      <extracomment>verify.sequence_gaps</extracomment>
      <translation>journal sequence has gaps: {count} rows numbered {first}..{last}</translation>
    </message>
    <message>
      <source>{what}: tender {tender} {points} points but its line shares add up to {shares}</source>
      <extracomment>verify.tender_share_points</extracomment>
      <translation>{what}: tender {tender} {points} points but its line shares add up to {shares}</translation>
    </message>
    <message>
      <source>{what}: tender {tender} {part} ¥{amount} but its line shares add up to ¥{shares}</source>
      <extracomment>verify.tender_shares</extracomment>
      <translation>{what}: tender {tender} {part} ¥{amount} but its line shares add up to ¥{shares}</translation>
    </message>
    <message>
      <source>{what}: bonus ¥{bonus} but the card's bonus moved ¥{moved}</source>
      <extracomment>verify.topup_bonus</extracomment>
      <translation>{what}: bonus ¥{bonus} but the card's bonus moved ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: ¥{amount} but the card's principal moved ¥{moved}</source>
      <extracomment>verify.topup_principal</extracomment>
      <translation>{what}: ¥{amount} but the card's principal moved ¥{moved}</translation>
    </message>
    <message>
      <source>{what}: ¥{amount} by {tender} but its journal took in ¥{took}</source>
      <extracomment>verify.topup_tender</extracomment>
      <translation>{what}: ¥{amount} by {tender} but its journal took in ¥{took}</translation>
    </message>
    <message>
      <source>card return {no}</source>
      <extracomment>verify.what_card_return</extracomment>
      <translation>card return {no}</translation>
    </message>
    <message>
      <source>card sale {no}</source>
      <extracomment>verify.what_card_sale</extracomment>
      <translation>card sale {no}</translation>
    </message>
    <message>
      <source>refund {no}</source>
      <extracomment>verify.what_refund</extracomment>
      <translation>refund {no}</translation>
    </message>
    <message>
      <source>top-up {no}</source>
      <extracomment>verify.what_topup</extracomment>
      <translation>top-up {no}</translation>
    </message>
  </context>
</TS>
